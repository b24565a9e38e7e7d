import Foundation
import TCMSJSON
import XCTest

/// Helpers for what happens to a contract after its approval: filings, execution records and
/// dashboards.
extension ContractWorld {
    /// Submits a contract, receives its text and approves it with a verified 技术交易额 of
    /// 900000.00. Returns its id.
    func approved(_ changes: [String: JSON] = [:]) throws -> Int64 {
        let id = try received(changes)
        _ = try clerk().result(
            "contract.approve", ["contractId": .int(id), "techAmount": "900000.00"])
        return id
    }

    /// Files a change of `fields` with a reason and returns the id of the new filing.
    func filedChange(_ id: Int64, _ fields: [String: JSON], by handler: RawClient) throws
        -> Int64
    {
        let params = JSON.object(["contractId": .int(id), "reason": "乙方更名"]).with(fields)
        let contract = try handler.result("contract.fileChange", params)
        return try XCTUnwrap(contract["filings"]?.arrayValue?.last?["id"]?.intValue)
    }

    /// Creates the office 厦门技术市场 covering 350200 with the clerk `clerk_xm`.
    func addXiamenOffice() throws -> Int64 {
        let office = try daemon.createOffice("厦门技术市场", ["350200"])
        try daemon.createClerk("clerk_xm", officeID: office)
        return office
    }
}

extension JSON {
    /// The `action` of every step of a contract's `history`.
    var historyActions: [String] {
        self["history"]?.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
    }
}
