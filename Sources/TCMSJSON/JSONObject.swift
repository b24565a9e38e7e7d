/// A JSON object that keeps its members in insertion order, so replies read the way they were built.
///
/// Objects on the wire are small (tens of members), so lookups scan the member list.
public struct JSONObject: Sendable, Equatable {
    public private(set) var members: [(key: String, value: JSON)]

    public init() {
        members = []
    }

    public init(_ members: [(String, JSON)]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for (key, value) in members {
            self[key] = value
        }
    }

    public var keys: [String] { members.map(\.key) }

    public var count: Int { members.count }

    public var isEmpty: Bool { members.isEmpty }

    /// Reads a member, or sets it: a new key is appended, an existing one replaced in place, and
    /// `nil` removes it.
    public subscript(key: String) -> JSON? {
        get {
            for member in members where Self.sameKey(member.key, key) {
                return member.value
            }
            return nil
        }
        set {
            let index = members.firstIndex { Self.sameKey($0.key, key) }
            switch (index, newValue) {
            case (let index?, let value?):
                members[index].value = value
            case (let index?, nil):
                members.remove(at: index)
            case (nil, let value?):
                members.append((key, value))
            case (nil, nil):
                break
            }
        }
    }

    /// Compares keys byte for byte (never by Unicode canonical equivalence), checking the
    /// byte counts first: most keys of an object differ in length, and a reply of many
    /// contracts compares thousands of keys.
    @inline(__always)
    static func sameKey(_ left: String, _ right: String) -> Bool {
        left.utf8.count == right.utf8.count && left.utf8.elementsEqual(right.utf8)
    }

    /// Appends a member known not to be present yet, without the duplicate scan.
    mutating func appendUnchecked(_ key: String, _ value: JSON) {
        members.append((key, value))
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.members where rhs[member.key] != member.value {
            return false
        }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self.init(elements)
    }
}
