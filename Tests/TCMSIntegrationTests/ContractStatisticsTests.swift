import Foundation
import TCMSJSON
import XCTest

/// `stats.contracts`: groupings, the statuses counted, the verified 技术交易额, date and office
/// filters, and what each role sees.
final class ContractStatisticsTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self, entities: ["seller_1", "seller_2"])
    }

    /// Submits, receives and approves a contract of `entity` with the verified `techAmount`.
    @discardableResult
    private func approved(
        _ changes: [String: JSON], techAmount: String, entity: String = "seller_1"
    ) throws -> Int64 {
        let id = try world.submitted(changes, by: try world.handler(for: entity))
        let clerk = try world.clerk()
        _ = try clerk.result("contract.receiveText", ["contractId": .int(id)])
        _ = try clerk.result(
            "contract.approve", ["contractId": .int(id), "techAmount": .string(techAmount)])
        return id
    }

    private func stats(_ params: JSON = [:], as client: RawClient? = nil) throws -> JSON {
        try (client ?? RawClient(path: world.daemon.socketPath)).result("stats.contracts", params)
    }

    /// Three approved contracts in April, one in May, one returned and one waiting.
    private func makeContracts() throws {
        try approved([:], techAmount: "900000.00")
        try approved(
            ["title": "智能仓储系统软件开发技术服务合同", "category": "SRV", "subtype": "SRV-SVC",
             "amount": "100000.10", "techAmount": "80000.05", "techField": "TF02"],
            techAmount: "80000.05")
        try approved(
            ["title": "锂电池正极材料工艺改进技术咨询合同", "category": "CON", "subtype": .null,
             "buyerName": "Example Batterien GmbH", "buyerCountry": "DE",
             "buyerDivision": .null, "buyerNature": "330", "amount": "50000.00",
             "techAmount": "50000.00"],
            techAmount: "45000.00", entity: "seller_2")
        let returned = try world.received(["title": "被退回的合同", "amount": "7000.00",
                                           "techAmount": "7000.00"])
        _ = try world.clerk().result(
            "contract.return", ["contractId": .int(returned), "reasons": ["seal_mismatch"]])
        _ = try world.submitted(["title": "等待文本的合同", "amount": "3000.00",
                                 "techAmount": "2000.00"])
        world.clock.advance(by: 40 * 86_400)
        try approved(["title": "五月批准的合同", "amount": "20000.00", "techAmount": "20000.00"],
                     techAmount: "15000.00")
    }

    func testTotalCountsApprovedWithVerifiedAmount() throws {
        try makeContracts()
        let result = try stats()
        XCTAssertEqual(result["statuses"], ["approved"])
        XCTAssertEqual(result["total"]?["count"]?.intValue, 4)
        XCTAssertEqual(result["total"]?["amount"]?.stringValue, "1370000.10")
        XCTAssertEqual(result["total"]?["techAmount"]?.stringValue, "1040000.05")
        XCTAssertEqual(result["groups"]?.arrayValue?.count, 1)
    }

    func testStatusesChooseWhatCounts() throws {
        try makeContracts()
        let result = try stats(["statuses": ["approved", "returned", "submitted"]])
        XCTAssertEqual(result["total"]?["count"]?.intValue, 6)
        XCTAssertEqual(result["total"]?["amount"]?.stringValue, "1380000.10")
        // The returned and the waiting contract count their declared 技术交易额.
        XCTAssertEqual(result["total"]?["techAmount"]?.stringValue, "1049000.05")

        let waiting = try stats(["statuses": ["submitted"], "by": ["office"]])
        let group = try XCTUnwrap(waiting["groups"]?.arrayValue?.first)
        XCTAssertEqual(group["count"]?.intValue, 1)
        XCTAssertEqual(group["officeName"]?.stringValue, "福州技术市场")
        XCTAssertEqual(group["techAmount"]?.stringValue, "2000.00")
    }

    func testGroupsByCategoryMonthAndProvince() throws {
        try makeContracts()
        let result = try stats(["by": ["province", "month", "category"]])
        let groups = try XCTUnwrap(result["groups"]?.arrayValue)
        let keys = groups.map {
            "\($0["province"]?.stringValue ?? "-") \($0["month"]?.stringValue ?? "-") "
                + "\($0["category"]?.stringValue ?? "-") \($0["count"]?.intValue ?? -1)"
        }
        XCTAssertEqual(
            keys,
            ["350000 2026-04 CON 1", "350000 2026-04 DEV 1", "350000 2026-04 SRV 1",
             "350000 2026-05 DEV 1"])
        XCTAssertEqual(groups[0]["provinceName"]?.stringValue, "福建省")
        XCTAssertEqual(groups[0]["categoryLabel"]?.stringValue, "技术咨询")
        XCTAssertEqual(groups[0]["techAmount"]?.stringValue, "45000.00")
        XCTAssertEqual(groups[2]["amount"]?.stringValue, "100000.10")
    }

    func testTechnologyFlowBySellerAndBuyerRegion() throws {
        try makeContracts()
        let outflow = try stats(["by": ["outflow"]])["groups"]?.arrayValue ?? []
        XCTAssertEqual(outflow.count, 1)
        XCTAssertEqual(outflow.first?["outflow"]?.stringValue, "350000")
        XCTAssertEqual(outflow.first?["outflowName"]?.stringValue, "福建省")
        XCTAssertEqual(outflow.first?["count"]?.intValue, 4)

        let inflow = try stats(["by": ["inflow"]])["groups"]?.arrayValue ?? []
        XCTAssertEqual(inflow.compactMap { $0["inflow"]?.stringValue }, ["110000", "DE"])
        XCTAssertEqual(inflow.first?["inflowName"]?.stringValue, "北京市")
        XCTAssertEqual(inflow.first?["count"]?.intValue, 3)
        XCTAssertEqual(inflow.last?["count"]?.intValue, 1)
        XCTAssertNotNil(inflow.last?["inflowName"]?.stringValue)
    }

    func testDateRangeAndOfficeFilter() throws {
        try makeContracts()
        let may = try stats(["from": "2026-05-01", "until": "2026-05-31"])
        XCTAssertEqual(may["total"]?["count"]?.intValue, 1)
        XCTAssertEqual(may["total"]?["techAmount"]?.stringValue, "15000.00")
        let april = try stats(["until": "2026-04-30"])
        XCTAssertEqual(april["total"]?["count"]?.intValue, 3)

        let other = try world.daemon.createOffice("厦门市技术合同登记处", ["350200"])
        let none = try stats(["officeId": .int(other)])
        XCTAssertEqual(none["total"]?["count"]?.intValue, 0)
        XCTAssertEqual(none["total"]?["amount"]?.stringValue, "0.00")
        let own = try stats(["officeId": .int(world.officeID)])
        XCTAssertEqual(own["total"]?["count"]?.intValue, 4)
    }

    func testEachRoleSeesItsOwnScope() throws {
        try makeContracts()
        let other = try world.daemon.createOffice("厦门市技术合同登记处", ["350200"])
        try world.daemon.createClerk("clerk_xm", officeID: other)

        let clerk = try stats(as: try world.clerk())
        XCTAssertEqual(clerk["total"]?["count"]?.intValue, 4)
        let stranger = try stats(as: try world.daemon.loggedIn("clerk_xm"))
        XCTAssertEqual(stranger["total"]?["count"]?.intValue, 0)
        let entity = try stats(as: try world.daemon.loggedIn("seller_2"))
        XCTAssertEqual(entity["total"]?["count"]?.intValue, 1)
        XCTAssertEqual(entity["total"]?["techAmount"]?.stringValue, "45000.00")

        let handler = try world.handler().call("stats.contracts")
        XCTAssertEqual(handler.errorCode, 1003)
    }

    func testInvalidParamsNameTheField() throws {
        let client = try RawClient(path: world.daemon.socketPath)
        let dimension = try client.call("stats.contracts", ["by": ["office", "colour"]])
        XCTAssertEqual(dimension.errorCode, -32602)
        XCTAssertEqual(dimension.errorReason, "invalid_code")
        XCTAssertEqual(dimension["error"]?["data"]?["field"]?.stringValue, "params.by[1]")
        let status = try client.call("stats.contracts", ["statuses": ["finished"]])
        XCTAssertEqual(status.errorReason, "invalid_code")
        let date = try client.call("stats.contracts", ["from": "2026-02-30"])
        XCTAssertEqual(date.errorReason, "invalid_date")
        let empty = try client.call("stats.contracts", ["statuses": []])
        XCTAssertEqual(empty.errorReason, "missing_param")
    }
}
