/// Every method the daemon serves, by name. Built once at start-up and read-only after.
public struct MethodTable: Sendable {
    public private(set) var methods: [String: MethodSpec] = [:]

    public init() {}

    /// Adds `spec`; a second method with the same name is a programming error.
    public mutating func register(_ spec: MethodSpec) {
        precondition(methods[spec.name] == nil, "method \(spec.name) declared twice")
        methods[spec.name] = spec
    }

    public mutating func register(_ specs: [MethodSpec]) {
        specs.forEach { register($0) }
    }

    public subscript(name: String) -> MethodSpec? { methods[name] }

    /// Methods sorted by name, for listings.
    public var sorted: [MethodSpec] { methods.values.sorted { $0.name < $1.name } }
}
