import Foundation
import TCMSDomain
import TCMSStorage
import XCTest

@testable import TCMSServices

/// The dashboard's counts read index ranges: SQLite's plan for every pane of every scope
/// searches an index and never scans the contracts table.
final class DashboardQueryPlanTests: XCTestCase {
    /// The conditions `ContractVisibility` returns for a clerk, an operator, an entity admin and
    /// a handler, with the scope each role's dashboard adds.
    private let scopes: [(name: String, visible: String, scope: DashboardScope)] = [
        ("clerk", "c.office_id = ? AND c.status != 'draft'",
         DashboardScope(kind: .office, officeID: 1, entityID: nil, name: "")),
        ("operator", "1", DashboardScope(kind: .office, officeID: 1, entityID: nil, name: "")),
        ("entity", "c.entity_id = ?",
         DashboardScope(kind: .entity, officeID: nil, entityID: 1, name: "")),
        ("handler", "c.entity_id = ? AND c.handler_login = ?",
         DashboardScope(kind: .handler, officeID: nil, entityID: 1, name: "")),
    ]

    func testNoPaneScansContracts() throws {
        let directory = NSTemporaryDirectory() + "tcms-plan-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store(path: directory + "/tcms.sqlite", migrations: Schema.migrations)
        let dueBy = CivilDate(year: 2026, month: 5, day: 1)!

        try store.read { database in
            for (name, visible, scope) in scopes {
                let marks = visible.filter { $0 == "?" }.count
                let arguments: [any SQLBindable] = Array([Int64(1), "user"].prefix(marks))
                for pane in DashboardPane.allCases {
                    for part in pane.parts(reviewsFilings: scope.reviewsFilings, dueBy: dueBy) {
                        let queries = DashboardMethods.queries(
                            part, visible: visible, scope: scope, arguments: arguments)
                        for sql in [queries.count, queries.items] {
                            let plan = try database.query(
                                "EXPLAIN QUERY PLAN " + sql, queries.arguments
                            ) { $0.string(3) }
                            let context = "\(name) \(pane.rawValue): \(plan)"
                            XCTAssertFalse(
                                plan.contains { $0.hasPrefix("SCAN c") }, context)
                            // A search on the scope's column alone would still read every
                            // contract of the office or entity.
                            let searches = plan.filter { $0.hasPrefix("SEARCH c USING") }
                            XCTAssertEqual(searches.count, 1, context)
                            XCTAssertTrue(
                                searches.allSatisfy {
                                    $0.contains("status=?") || $0.contains("valid_until<?")
                                }, context)
                        }
                    }
                }
            }
        }
    }
}
