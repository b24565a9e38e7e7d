import Foundation
import TCMSJSON
import XCTest

/// The registration certificate (技术合同登记证明) of an approved contract, in HTML and in plain
/// text, checked against golden copies of a fixed contract.
final class ContractCertificateTests: XCTestCase {
    private var world: ContractWorld!

    override func setUpWithError() throws {
        world = try ContractWorld(self)
    }

    private func certificate(_ client: RawClient, _ id: Int64, _ format: String) throws -> JSON {
        try client.call("contract.certificate", ["contractId": .int(id), "format": .string(format)])
    }

    func testHTMLCertificateMatchesGolden() throws {
        let id = try world.approved()
        let reply = try certificate(world.handler(), id, "html")
        XCTAssertEqual(reply["result"]?["registrationNumber"]?.stringValue, "2026350100000001")
        XCTAssertEqual(reply["result"]?["contentType"]?.stringValue, "text/html; charset=utf-8")
        XCTAssertEqual(reply["result"]?["content"]?.stringValue, Self.goldenHTML)
    }

    func testTextCertificateMatchesGolden() throws {
        let id = try world.approved()
        let reply = try certificate(world.clerk(), id, "text")
        XCTAssertEqual(reply["result"]?["contentType"]?.stringValue, "text/plain; charset=utf-8")
        XCTAssertEqual(reply["result"]?["content"]?.stringValue, Self.goldenText)
    }

    func testUnapprovedContractHasNoCertificate() throws {
        let handler = try world.handler()
        let draft = try XCTUnwrap(
            try handler.result("contract.create", ContractWorld.form)["id"]?.intValue)
        let submitted = try world.submitted(by: handler)
        let returned = try world.received()
        _ = try world.clerk().result(
            "contract.return", ["contractId": .int(returned), "reasons": ["seal_mismatch"]])
        for id in [draft, submitted, returned] {
            let reply = try certificate(handler, id, "html")
            XCTAssertEqual(reply.errorCode, 4022, "\(id): \(reply)")
            XCTAssertEqual(reply.errorReason, "invalid_state")
        }
        XCTAssertEqual(try certificate(handler, submitted, "pdf").errorReason, "invalid_code")
    }

    func testCertificateEscapesEveryField() throws {
        let id = try world.approved([
            "title": "<script>alert(\"x\")</script> & 'y'",
            "buyerName": "清源<b>工程</b>公司",
        ])
        let html = try XCTUnwrap(
            try certificate(world.handler(), id, "html")["result"]?["content"]?.stringValue)
        XCTAssertTrue(
            html.contains(
                "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</td>"),
            html)
        XCTAssertTrue(html.contains("<td>清源&lt;b&gt;工程&lt;/b&gt;公司</td>"), html)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<b>"))
        let text = try XCTUnwrap(
            try certificate(world.handler(), id, "text")["result"]?["content"]?.stringValue)
        XCTAssertTrue(text.contains("：<script>alert(\"x\")</script> & 'y'\n"), text)
    }

    func testContractOutOfSightHasNoCertificate() throws {
        let id = try world.approved()
        let other = try world.secondHandler()
        let reply = try certificate(other, id, "text")
        XCTAssertEqual(reply.errorCode, 3004)
        XCTAssertEqual(reply.errorReason, "not_found")
    }

    private static let goldenHTML = #"""
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>技术合同登记证明 2026350100000001</title>
<style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "SimSun", "Songti SC", serif; font-size: 12pt; color: #000; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.3em; margin: 0 0 8mm; }
p.number { text-align: right; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 3mm 4mm; }
th, td { text-align: left; vertical-align: top; }
th { width: 30%; font-weight: normal; white-space: nowrap; }
p.office, p.date { text-align: right; margin: 10mm 0 0; }
p.date { margin-top: 3mm; }
</style>
</head>
<body>
<h1>技术合同登记证明</h1>
<p class="number">合同登记编号：2026350100000001</p>
<table>
<tr><th>合同名称</th><td>闽江流域水质在线监测系统委托开发合同</td></tr>
<tr><th>合同类别</th><td>技术开发（委托开发）</td></tr>
<tr><th>登记方式</th><td>卖方合同登记</td></tr>
<tr><th>卖方</th><td>测试单位seller_1</td></tr>
<tr><th>卖方所在地区</th><td>福建省福州市鼓楼区（350102）</td></tr>
<tr><th>买方</th><td>北京清源环境工程有限公司</td></tr>
<tr><th>买方所在地区</th><td>北京市朝阳区（110105）</td></tr>
<tr><th>签订日期</th><td>2026年3月20日</td></tr>
<tr><th>合同有效期</th><td>2026年3月20日 至 2027年3月19日</td></tr>
<tr><th>成交额</th><td>1,200,000.00 元</td></tr>
<tr><th>成交额（大写）</th><td>人民币壹佰贰拾万元整</td></tr>
<tr><th>技术交易额</th><td>900,000.00 元</td></tr>
<tr><th>技术交易额（大写）</th><td>人民币玖拾万元整</td></tr>
</table>
<p class="office">登记机构：福州技术市场</p>
<p class="date">2026年4月1日</p>
</body>
</html>

"""#

    private static let goldenText = #"""
技术合同登记证明

合同登记编号：2026350100000001

合同名称　　　　　：闽江流域水质在线监测系统委托开发合同
合同类别　　　　　：技术开发（委托开发）
登记方式　　　　　：卖方合同登记
卖方　　　　　　　：测试单位seller_1
卖方所在地区　　　：福建省福州市鼓楼区（350102）
买方　　　　　　　：北京清源环境工程有限公司
买方所在地区　　　：北京市朝阳区（110105）
签订日期　　　　　：2026年3月20日
合同有效期　　　　：2026年3月20日 至 2027年3月19日
成交额　　　　　　：1,200,000.00 元
成交额（大写）　　：人民币壹佰贰拾万元整
技术交易额　　　　：900,000.00 元
技术交易额（大写）：人民币玖拾万元整

登记机构：福州技术市场
2026年4月1日

"""#
}
