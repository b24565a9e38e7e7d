import TCMSJSON

/// One parameter of a method, as `rpc.discover` describes it.
public struct ParamDescription: Sendable, Equatable {
    public var name: String
    public var required: Bool
    /// The JSON Schema type name, such as "string" or "integer".
    public var type: String
    public var summary: String
    /// The keys an object param accepts, such as a listing's filter keys (the schema's
    /// `properties`); empty when the daemon does not list them.
    public var keys: [String] = []
}

/// One method of the live daemon, as `rpc.discover` describes it.
public struct MethodDescription: Sendable, Equatable {
    public var name: String
    public var summary: String
    public var params: [ParamDescription]
    /// The roles allowed to call it (`x-roles`).
    public var roles: [String]
    /// Whether it changes stored state (`x-writes`); unknown counts as writing.
    public var writes: Bool
    public var result: String
}

/// The methods the connected daemon offers, read from its `rpc.discover` document, so that help,
/// hints and completion follow the daemon rather than a list compiled into the shell.
public struct MethodCatalog: Sendable {
    /// The methods, sorted by name.
    public private(set) var methods: [MethodDescription] = []

    /// An empty catalog, used until the daemon has been asked.
    public init() {}

    /// Reads the `methods` array of an OpenRPC document; entries without a name are skipped.
    public init(discoverResult: JSON) {
        let entries = discoverResult["methods"]?.arrayValue ?? []
        methods = entries.compactMap(Self.describe).sorted { $0.name < $1.name }
    }

    public var names: [String] { methods.map(\.name) }

    public func method(named name: String) -> MethodDescription? {
        methods.first { $0.name == name }
    }

    private static func describe(_ entry: JSON) -> MethodDescription? {
        guard let name = entry["name"]?.stringValue else { return nil }
        let params = (entry["params"]?.arrayValue ?? []).compactMap { param -> ParamDescription? in
            guard let paramName = param["name"]?.stringValue else { return nil }
            return ParamDescription(
                name: paramName, required: param["required"]?.boolValue ?? false,
                type: param["schema"]?["type"]?.stringValue ?? "any",
                summary: param["description"]?.stringValue ?? "",
                keys: param["schema"]?["properties"]?.objectValue?.keys ?? [])
        }
        return MethodDescription(
            name: name, summary: entry["summary"]?.stringValue ?? "", params: params,
            roles: (entry["x-roles"]?.arrayValue ?? []).compactMap(\.stringValue),
            writes: entry["x-writes"]?.boolValue ?? true,
            result: entry["result"]?["description"]?.stringValue ?? "")
    }
}
