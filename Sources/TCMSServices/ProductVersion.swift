/// The release of tcms this binary is.
public enum ProductVersion {
    public static let current = "0.1.0"
}
