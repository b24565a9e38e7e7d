/// One kind of execution record (执行) of an approved contract.
public enum ExecutionKind: String, Labelled {
    /// Money received, with the part of it that is 技术交易额.
    case payment
    /// A step of performance reached, such as a delivery or an acceptance.
    case milestone

    public var label: String {
        switch self {
        case .payment: "收款"
        case .milestone: "履行节点"
        }
    }
}
