/// Gender as a resident ID encodes it in its 17th digit: odd for men, even for women.
public enum Gender: String, Labelled {
    case male
    case female

    public var label: String {
        switch self {
        case .male: "男"
        case .female: "女"
        }
    }
}
