import Foundation
import TCMSJSON
import XCTest

/// `contract.list` answered from the bigram index, the count tables and the id-only page
/// query: the same rows and totals as a scan with `instr` and `count(*)` would give.
final class ContractSearchTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self)
    }

    private static let forms: [(title: String, buyer: String)] = [
        ("闽江流域水质在线监测系统委托开发合同", "北京清源环境工程有限公司"),
        ("福州热电厂扩建工程环境影响评价委托开发合同", "上海华晋信息科技有限公司"),
        ("厦门智能仓储系统软件开发委托开发合同", "福州热电集团有限公司"),
        ("泉州热电联产项目技术方案委托开发合同", "北京清源环境工程有限公司"),
        ("武汉工业机器人视觉检测算法研发委托开发合同", "深圳市鑫威电子有限公司"),
    ]

    /// Submits one contract per form and returns the ids with their title and buyer.
    private func submitAll() throws -> [(id: Int64, title: String, buyer: String)] {
        let handler = try world.handler()
        return try Self.forms.map { form in
            let id = try world.submitted(
                ["title": .string(form.title), "buyerName": .string(form.buyer)], by: handler)
            return (id, form.title, form.buyer)
        }
    }

    private func list(_ client: RawClient, _ filter: JSON, page: Int64 = 1, size: Int64 = 200)
        throws -> (ids: [Int64], total: Int64?)
    {
        let result = try client.result(
            "contract.list", ["filter": filter, "page": .int(page), "pageSize": .int(size)])
        let ids = (result["items"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue }
        return (ids, result["total"]?.intValue)
    }

    func testTextFilterFindsWhatInstrFinds() throws {
        let contracts = try submitAll()
        let seller = "测试单位seller_1"
        let operatorClient = try RawClient(path: world.daemon.socketPath)
        let terms = ["热电", "热电厂", "环境影响", "清源", "华晋信息", "合同", "水", "单位", "鑫威电子",
                     "不存在的词", "热电集团"]
        for term in terms {
            let expected = contracts.filter {
                $0.title.contains(term) || $0.buyer.contains(term) || seller.contains(term)
            }.map(\.id).sorted(by: >)
            let found = try list(operatorClient, ["text": .string(term)])
            XCTAssertEqual(found.ids, expected, "ids for \(term)")
            XCTAssertEqual(found.total, Int64(expected.count), "total for \(term)")
        }
    }

    func testTitleAndPartyFiltersKeepTheirField() throws {
        let contracts = try submitAll()
        let operatorClient = try RawClient(path: world.daemon.socketPath)

        let inTitle = try list(operatorClient, ["title": "热电"])
        let titled = contracts.filter { $0.title.contains("热电") }.map(\.id).sorted(by: >)
        XCTAssertEqual(inTitle.ids, titled)
        XCTAssertEqual(inTitle.total, Int64(titled.count))

        let inParty = try list(operatorClient, ["party": "热电"])
        let named = contracts.filter { $0.buyer.contains("热电") }.map(\.id).sorted(by: >)
        XCTAssertEqual(inParty.ids, named)
        XCTAssertEqual(inParty.total, 1)
    }

    func testChangedTitleMovesContractInSearch() throws {
        let handler = try world.handler()
        let created = try handler.result(
            "contract.create", ContractWorld.form.with(["title": "福州热电厂扩建工程委托开发合同"]))
        let id = try XCTUnwrap(created["id"]?.intValue)
        let operatorClient = try RawClient(path: world.daemon.socketPath)
        XCTAssertEqual(try list(operatorClient, ["text": "热电厂"]).ids, [id])

        _ = try handler.result(
            "contract.update", ["contractId": .int(id), "title": "厦门港码头扩建委托开发合同"])
        XCTAssertEqual(try list(operatorClient, ["text": "热电厂"]).ids, [])
        XCTAssertEqual(try list(operatorClient, ["text": "热电厂"]).total, 0)
        XCTAssertEqual(try list(operatorClient, ["text": "码头"]).ids, [id])
        XCTAssertEqual(try list(operatorClient, ["title": "码头扩建"]).ids, [id])
    }

    func testTotalsFollowEveryDecision() throws {
        let contracts = try submitAll()
        let clerk = try world.clerk()
        let office = JSON.string(String(world.officeID))
        _ = try clerk.result("contract.receiveText", ["contractId": .int(contracts[0].id)])
        _ = try clerk.result("contract.receiveText", ["contractId": .int(contracts[1].id)])
        _ = try clerk.result(
            "contract.approve", ["contractId": .int(contracts[0].id), "techAmount": "900000.00"])
        _ = try clerk.result(
            "contract.return",
            ["contractId": .int(contracts[1].id), "reasons": ["seal_mismatch"]])
        let handler = try world.handler()
        _ = try handler.result("contract.withdraw", ["contractId": .int(contracts[2].id)])
        _ = try handler.result("contract.create", ContractWorld.form)

        for status in ["submitted", "approved", "returned", "withdrawn", "draft"] {
            let stored = try world.daemon.count("contracts", where: "status = '\(status)'")
            let shown = status == "draft" ? 0 : stored
            let byClerk = try list(clerk, ["status": .string(status), "officeId": office])
            XCTAssertEqual(byClerk.total, shown, "clerk's total of \(status)")
            XCTAssertEqual(byClerk.ids.count, Int(shown), "clerk's rows of \(status)")
            let operatorClient = try RawClient(path: world.daemon.socketPath)
            XCTAssertEqual(
                try list(operatorClient, ["status": .string(status)]).total, stored,
                "operator's total of \(status)")
        }
        XCTAssertEqual(try list(clerk, [:]).total, 5)
        XCTAssertEqual(
            try list(try RawClient(path: world.daemon.socketPath), [:]).total,
            try world.daemon.count("contracts"))
    }

    func testNumberedPagesMatchCursorWalk() throws {
        let ids = try submitAll().map(\.id) + [try world.submitted(), try world.submitted()]
        let clerk = try world.clerk()
        let newestFirst = ids.sorted(by: >)

        var paged: [Int64] = []
        for page in Int64(1)...4 {
            let found = try list(clerk, ["status": "submitted"], page: page, size: 2)
            XCTAssertEqual(found.total, 7, "total on page \(page)")
            paged += found.ids
        }
        XCTAssertEqual(paged, newestFirst)
        XCTAssertEqual(try list(clerk, ["status": "submitted"], page: 5, size: 2).ids, [])

        let walked = try clerk.result(
            "contract.list", ["filter": ["status": "submitted"], "cursor": "0", "pageSize": 200])
        XCTAssertEqual(
            (walked["items"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue }, newestFirst)
    }
}
