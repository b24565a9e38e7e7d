import Foundation
import TCMSJSON
import XCTest

/// The contract tables exactly as the shell prints them at 60, 80 and 120 columns, with
/// Chinese and ASCII mixed in titles and names: columns line up by display width and cells
/// that do not fit end in "…" without splitting a Chinese character.
final class ShellGoldenTableTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self)
        _ = try world.received()
        _ = try world.submitted([
            "title": "IoT 传感网关 firmware v2.1 技术服务合同", "category": "SRV",
            "subtype": "SRV-SVC", "buyerName": "Fuzhou Smart Water 有限公司",
            "amount": "85000.00", "techAmount": "85000.00",
        ])
        _ = try world.submitted(["title": "ERP系统 migration 咨询", "amount": "3000.50",
                                 "techAmount": "3000.50"])
    }

    private func table(_ command: String, columns: Int) throws -> String {
        let result = try runTCMS(
            ["shell", "--socket", world.daemon.socketPath, "--format", "table", "-c",
             "login clerk_lin; " + command],
            environment: ["TCMS_PASSWORD": AccessFixtures.password, "COLUMNS": String(columns)])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testInboxAt60Columns() throws {
        XCTAssertEqual(try table("inbox", columns: 60), """
            编号 | 状态   | 合… | 卖… | 买… | 成交额 | 收文日… | 剩余天…
            -----+--------+-----+-----+-----+--------+---------+--------
               1 | 已收…  | 闽… | 测… | 北… | 12000… | 2026-0… |      15
               2 | 未收…  | Io… | 测… | Fu… | 85000… |         |
               3 | 未收…  | ER… | 测… | 北… | 3000.… |         |
            共找到 3 条记录 共1页 第1页

            """)
    }

    func testInboxAt80ColumnsCutsNamesBeforeAmounts() throws {
        XCTAssertEqual(try table("inbox", columns: 80), """
            编号 | 状态     | 合同…  | 卖方   | 买方    |     成交额 | 收文日期   | 剩余天数
            -----+----------+--------+--------+---------+------------+------------+---------
               1 | 已收文本 | 闽江…  | 测试…  | 北京清… | 1200000.00 | 2026-04-01 |       15
               2 | 未收文本 | IoT …  | 测试…  | Fuzhou… |   85000.00 |            |
               3 | 未收文本 | ERP系… | 测试…  | 北京清… |    3000.50 |            |
            共找到 3 条记录 共1页 第1页

            """)
    }

    func testInboxAt120Columns() throws {
        XCTAssertEqual(try table("inbox", columns: 120), """
            编号 | 状态     | 合同名称              | 卖方             | 买方                   |     成交额 | 收文日期   | 剩余天数
            -----+----------+-----------------------+------------------+------------------------+------------+------------+---------
               1 | 已收文本 | 闽江流域水质在线监测… | 测试单位seller_1 | 北京清源环境工程有限…  | 1200000.00 | 2026-04-01 |       15
               2 | 未收文本 | IoT 传感网关 firmwar… | 测试单位seller_1 | Fuzhou Smart Water 有… |   85000.00 |            |
               3 | 未收文本 | ERP系统 migration 咨… | 测试单位seller_1 | 北京清源环境工程有限…  |    3000.50 |            |
            共找到 3 条记录 共1页 第1页

            """)
    }

    func testContractsAt80ColumnsNewestFirst() throws {
        XCTAssertEqual(try table("contracts", columns: 80), """
            编号 | 状态     | 合同名… | 类别     | 卖方     | 买方     |     成交额 | 登记号
            -----+----------+---------+----------+----------+----------+------------+-------
               3 | 未收文本 | ERP系…  | 技术开发 | 测试单…  | 北京清…  |    3000.50 |
               2 | 未收文本 | IoT 传… | 技术服务 | 测试单…  | Fuzhou … |   85000.00 |
               1 | 已收文本 | 闽江流… | 技术开发 | 测试单…  | 北京清…  | 1200000.00 |
            共找到 3 条记录 共1页 第1页

            """)
    }

    func testAutoExpandedAt60ColumnsKeepsAmountsWhole() throws {
        let text = try table("expanded auto; inbox pageSize=1", columns: 60)
        XCTAssertEqual(text, """
            -[ 记录 1 ]-
            编号     | 1
            状态     | 已收文本
            合同名称 | 闽江流域水质在线监测系统委托开发合同
            卖方     | 测试单位seller_1
            买方     | 北京清源环境工程有限公司
            成交额   | 1200000.00
            收文日期 | 2026-04-01
            剩余天数 | 15
            共找到 3 条记录 共3页 第1页

            """)
        XCTAssertEqual(try table("expanded auto; inbox pageSize=1", columns: 120).first, "编")
    }
}
