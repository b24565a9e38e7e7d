import Foundation
import TCMSDomain
import TCMSJSON
import XCTest

/// The fixture files from offices to statistics against a real daemon. The walk loads offices
/// and clerks, persons and entities, every registering entity's system access and the
/// authorizations, then runs `tcms import contracts`. A clerk of each office works its inbox to
/// a mix of approved and returned contracts, and the registration numbers, `contract.list` and
/// `stats.contracts` must agree.
///
/// The whole file of 5,000 contracts runs when `TCMS_FIXTURE_WALK=1` (`.ci/run` sets it);
/// without it the walk takes the contracts of the first `shortWalkEntities` registering
/// entities, to stay fast in `swift test`.
final class ContractFixtureWalkTests: XCTestCase {
    /// Registering entities whose contracts the short walk takes, in file order.
    static let shortWalkEntities = 24

    private var daemon: DaemonProcess!
    /// Office id by the division code it covers.
    private var offices: [String: Int64] = [:]
    private var divisionOfOffice: [Int64: String] = [:]
    /// The number in the logins `clerk_N` and `approver_N` of each office.
    private var clerkIndex: [Int64: Int] = [:]
    private var started = Date()

    private func phase(_ name: String) {
        let seconds = String(format: "%.1f", -started.timeIntervalSinceNow)
        print("fixture walk: \(name) after \(seconds) s")
    }

    func testFixtureContractsFromImportToStatistics() throws {
        let full = ProcessInfo.processInfo.environment["TCMS_FIXTURE_WALK"] == "1"
        var contracts = try AuthorizationFixtures.records("contracts.jsonl")
        if !full {
            // The first registering entities in file order, and the first one whose division
            // code is retired, so the short walk meets that rejection too.
            let retired = try retiredEntities()
            var chosen: [String] = []
            for contract in contracts {
                let login = contract["registeringLogin"]?.stringValue ?? ""
                if !chosen.contains(login) && chosen.count < Self.shortWalkEntities {
                    chosen.append(login)
                }
            }
            if let late = contracts.lazy.compactMap({ $0["registeringLogin"]?.stringValue })
                .first(where: { retired.contains($0) }), !chosen.contains(late)
            {
                chosen.append(late)
            }
            contracts = contracts.filter {
                chosen.contains($0["registeringLogin"]?.stringValue ?? "")
            }
        }
        started = Date()

        let directory = makeTemporaryDirectory(self)
        let clock = TestClock(self, directory: directory, start: "2026-12-01T09:00:00+08:00")
        daemon = try DaemonProcess(self, directory: directory, environment: clock.environment)
        try createOffices()
        try daemon.importFixtures()
        phase("offices, clerks, persons and entities")
        try approveAccess(of: Set(contracts.compactMap { $0["registeringLogin"]?.stringValue }))
        phase("system access")

        let grants = try runTCMS([
            "import", "--socket", daemon.socketPath, "authorizations",
            AuthorizationFixtures.directory + "/authorizations.jsonl",
        ])
        XCTAssertTrue(
            grants.stdout.hasPrefix("accepted 916, unchanged 0, rejected 0"), grants.stdout)

        let file = directory + "/contracts.jsonl"
        try (contracts.map { JSON.object($0).encodedString() }.joined(separator: "\n") + "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try runTCMS(["import", "--socket", daemon.socketPath, "contracts", file])
        phase("tcms import contracts of \(contracts.count) lines")
        let expected = try expectedRejections(contracts)
        let accepted = contracts.count - expected.count
        XCTAssertEqual(imported.status, expected.isEmpty ? 0 : 1)
        XCTAssertTrue(
            imported.stdout.hasPrefix(
                "accepted \(accepted), unchanged 0, rejected \(expected.count)\n"),
            String(imported.stdout.prefix(3000)))
        let reported = imported.stdout.split(separator: "\n").dropFirst().map(String.init)
        XCTAssertEqual(reported.count, expected.count)
        for (line, prefix) in zip(reported, expected) {
            XCTAssertTrue(line.hasPrefix(prefix), "\(line) does not start with \(prefix)")
        }
        let reasons = Dictionary(grouping: reported) {
            $0.split(separator: ":").dropFirst().first.map(String.init) ?? ""
        }.mapValues(\.count)
        print("fixture walk: accepted \(accepted) of \(contracts.count), rejected \(reasons)")

        let again = try runTCMS(["import", "--socket", daemon.socketPath, "contracts", file])
        XCTAssertTrue(
            again.stdout.hasPrefix(
                "accepted 0, unchanged \(accepted), rejected \(expected.count)\n"),
            String(again.stdout.prefix(3000)))
        XCTAssertEqual(try daemon.count("contracts"), Int64(accepted))
        XCTAssertEqual(try daemon.count("contracts", where: "imported = 1"), Int64(accepted))
        phase("second import")

        let worked = try workInboxes()
        phase("clerks' inboxes")
        try checkNumbersAndTotals(worked, total: accepted)
        try checkStatistics()
        phase("checks")
    }

    /// The report line each rejected contract line must start with, in line order. The code
    /// list ends some division codes the fixture entities still carry (such as 500112): an
    /// entity there cannot file its access form, so its contracts are `access_not_approved`.
    /// A counterpart there is refused only when its code was not yet or no longer valid in
    /// the year the contract was signed.
    private func expectedRejections(_ contracts: [JSONObject]) throws -> [String] {
        let retired = try retiredEntities()
        func isRetired(_ login: String?) -> Bool { retired.contains(login ?? "") }
        var divisions: [String: String] = [:]
        for entity in try AuthorizationFixtures.records("entities.jsonl") {
            if let login = entity["login"]?.stringValue,
                let code = entity["divisionCode"]?.stringValue
            {
                divisions[login] = code
            }
        }

        var expected: [String] = []
        for (index, contract) in contracts.enumerated() {
            let registering = contract["registeringLogin"]?.stringValue
            if isRetired(registering) {
                expected.append("line \(index + 1): access_not_approved:")
                continue
            }
            for party in ["seller", "buyer"] {
                let login = contract[party + "Login"]?.stringValue
                let year = Int(contract["signedOn"]?.stringValue?.prefix(4) ?? "") ?? 0
                let code = divisions[login ?? ""] ?? ""
                if login != registering && isRetired(login)
                    && !Divisions.standard.isValid(code: code, inYear: year)
                {
                    expected.append("line \(index + 1): unknown_code \(party)Division:")
                }
            }
        }
        return expected
    }

    /// The logins of fixture entities whose division code the GB/T 2260 list no longer has in
    /// use.
    private func retiredEntities() throws -> Set<String> {
        var logins: Set<String> = []
        for entity in try AuthorizationFixtures.records("entities.jsonl") {
            if let login = entity["login"]?.stringValue,
                let code = entity["divisionCode"]?.stringValue, !Divisions.standard.isInUse(code)
            {
                logins.insert(login)
            }
        }
        return logins
    }

    /// Creates the fixture offices, each with a clerk and a large-amount approver.
    private func createOffices() throws {
        let operatorClient = try RawClient(path: daemon.socketPath)
        for (index, office) in try AuthorizationFixtures.records("offices.jsonl").enumerated() {
            let code = try XCTUnwrap(office["divisionCode"]?.stringValue)
            let created = try operatorClient.result(
                "office.create",
                ["name": office["name"] ?? .null, "divisionCodes": [.string(code)]])
            let id = try XCTUnwrap(created["id"]?.intValue)
            offices[code] = id
            divisionOfOffice[id] = code
            clerkIndex[id] = index
            try daemon.createClerk("clerk_\(index)", officeID: id)
            try daemon.createClerk("approver_\(index)", officeID: id, approver: true)
        }
    }

    /// One entity's access application as the walk submitted it.
    private struct Application: Sendable {
        let login: String
        var id: Int64 = 0
        var officeID: Int64 = 0
        var failure: JSON?
    }

    /// Files each entity's access form from its own record, and approves it as the clerk of
    /// the office it reaches. An entity whose division code is no longer in use cannot
    /// save the form, so its contracts must be rejected later.
    private func approveAccess(of logins: Set<String>) throws {
        let entities = try AuthorizationFixtures.records("entities.jsonl").filter {
            logins.contains($0["login"]?.stringValue ?? "")
        }
        XCTAssertEqual(entities.count, logins.count)
        let socket = daemon.socketPath
        let workers = 4
        let forms = entities.map { ($0["login"]?.stringValue ?? "", accessForm(of: $0)) }
        let applications = inParallel(workers) { worker -> [Application] in
            var done: [Application] = []
            for (offset, (login, form)) in forms.enumerated() where offset % workers == worker {
                var application = Application(login: login)
                do {
                    let client = try RawClient(path: socket)
                    let replies = [
                        try client.call(
                            "session.login",
                            ["login": .string(login),
                             "password": .string(AuthorizationFixtures.password)]),
                        try client.call("access.saveDraft", form),
                        try client.call("access.submit"),
                    ]
                    application.failure = replies.first { $0["error"] != nil }
                    application.id = replies[2]["result"]?["id"]?.intValue ?? 0
                    application.officeID = replies[2]["result"]?["officeId"]?.intValue ?? 0
                } catch {
                    application.failure = .string("\(error)")
                }
                done.append(application)
            }
            return done
        }.flatMap { $0 }

        for application in applications {
            let division = entities.first { $0["login"]?.stringValue == application.login }?[
                "divisionCode"]?.stringValue ?? ""
            if Divisions.standard.isInUse(division) {
                XCTAssertNil(application.failure, application.login)
                XCTAssertNotNil(divisionOfOffice[application.officeID], application.login)
            } else {
                XCTAssertEqual(
                    application.failure?["error"]?["data"]?["field"]?.stringValue,
                    "params.divisionCode", application.login)
            }
        }

        let byOffice = Dictionary(
            grouping: applications.filter { $0.failure == nil }, by: \.officeID)
        let officeIDs = Array(byOffice.keys).sorted()
        let clerks = officeIDs.map { clerkName($0) }
        let approvals = inParallel(officeIDs.count) { index -> [String] in
            do {
                let clerk = try RawClient(path: socket)
                _ = try clerk.call(
                    "session.login",
                    ["login": .string(clerks[index]),
                     "password": .string(AccessFixtures.password)])
                return try (byOffice[officeIDs[index]] ?? []).compactMap { application in
                    let reply = try clerk.call(
                        "access.approve", ["applicationId": .int(application.id)])
                    return reply["error"] == nil ? nil : reply.encodedString()
                }
            } catch {
                return ["\(error)"]
            }
        }.flatMap { $0 }
        XCTAssertEqual(approvals, [])
    }

    /// Returns the login of the office's ordinary clerk, or of its large-amount approver.
    private func clerkName(_ officeID: Int64, approver: Bool = false) -> String {
        (approver ? "approver_" : "clerk_") + String(clerkIndex[officeID] ?? -1)
    }

    /// What each office's clerks did.
    private struct Worked: Sendable {
        var officeID: Int64 = 0
        var approved = 0
        var returned = 0
        var secondApprovals = 0
        var failures: [String] = []
    }

    /// Each office's clerk receives every text oldest first, returns every tenth contract with
    /// grounds and approves the others with their declared 技术交易额; the office's approver
    /// gives the second approval where the 2026 rules ask for one.
    private func workInboxes() throws -> [Worked] {
        let socket = daemon.socketPath
        let officeIDs = offices.values.sorted()
        let names = officeIDs.map { (clerkName($0), clerkName($0, approver: true)) }
        let worked = inParallel(officeIDs.count) { index -> Worked in
            var worked = Worked(officeID: officeIDs[index])
            do {
                let clerk = try RawClient(path: socket)
                let approver = try RawClient(path: socket)
                for (client, login) in [(clerk, names[index].0), (approver, names[index].1)] {
                    _ = try client.call(
                        "session.login",
                        ["login": .string(login), "password": .string(AccessFixtures.password)])
                }
                let inbox = try clerk.everyItem("contract.list", filter: ["status": "submitted"])
                    .sorted { ($0["id"]?.intValue ?? 0) < ($1["id"]?.intValue ?? 0) }
                for (position, contract) in inbox.enumerated() {
                    let id = contract["id"] ?? .null
                    var replies = [try clerk.call("contract.receiveText", ["contractId": id], timeout: 120)]
                    if position % 10 == 3 {
                        replies.append(try clerk.call(
                            "contract.return",
                            ["contractId": id, "reasons": ["other"],
                             "note": "合同文本与登记内容不一致"], timeout: 120))
                        worked.returned += 1
                    } else if position % 10 == 7 {
                        replies.append(try clerk.call(
                            "contract.return", ["contractId": id, "reasons": ["seal_mismatch"]],
                            timeout: 120))
                        worked.returned += 1
                    } else {
                        let first = try clerk.call(
                            "contract.approve",
                            ["contractId": id, "techAmount": contract["techAmount"] ?? .null],
                            timeout: 120)
                        replies.append(first)
                        if first["result"]?["status"]?.stringValue == "awaiting_second_approval" {
                            replies.append(
                                try approver.call(
                                    "contract.approve", ["contractId": id], timeout: 120))
                            worked.secondApprovals += 1
                        }
                        worked.approved += 1
                    }
                    worked.failures += replies.filter { $0["error"] != nil }
                        .map { "contract \(id): \($0.encodedString())" }
                }
            } catch {
                worked.failures.append("\(error)")
            }
            return worked
        }
        for office in worked {
            XCTAssertEqual(office.failures, [], "office \(office.officeID)")
        }
        return worked
    }

    /// Checks that every office's registration numbers run from 000001 without a gap, and that
    /// the listing's totals per status match what the clerks did.
    private func checkNumbersAndTotals(_ worked: [Worked], total: Int) throws {
        let operatorClient = try RawClient(path: daemon.socketPath)
        for office in worked {
            let clerk = try daemon.loggedIn(clerkName(office.officeID))
            let approved = try clerk.everyItem("contract.list", filter: ["status": "approved"])
            XCTAssertEqual(approved.count, office.approved, "office \(office.officeID)")
            let prefix = "2026" + divisionOfOffice[office.officeID]!
            let sequences = approved.compactMap { item -> Int? in
                guard let number = item["registrationNumber"]?.stringValue,
                    number.hasPrefix(prefix)
                else { return nil }
                return Int(number.dropFirst(10))
            }.sorted()
            XCTAssertEqual(sequences, Array(0..<office.approved).map { $0 + 1 },
                           "office \(office.officeID)")
            let returned = try clerk.result(
                "contract.list", ["filter": ["status": "returned"], "pageSize": 1])
            XCTAssertEqual(returned["total"]?.intValue, Int64(office.returned))
        }

        let expected: [String: Int] = [
            "approved": worked.map(\.approved).reduce(0, +),
            "returned": worked.map(\.returned).reduce(0, +),
            "submitted": 0, "text_received": 0, "awaiting_second_approval": 0, "draft": 0,
        ]
        for (status, count) in expected {
            let page = try operatorClient.result(
                "contract.list", ["filter": ["status": .string(status)], "pageSize": 1])
            XCTAssertEqual(page["total"]?.intValue, Int64(count), status)
        }
        let all = try operatorClient.result("contract.list", ["pageSize": 1])
        XCTAssertEqual(all["total"]?.intValue, Int64(total))
        print("fixture walk: \(expected["approved"]!) approved "
              + "(\(worked.map(\.secondApprovals).reduce(0, +)) with a second approval), "
              + "\(expected["returned"]!) returned")
    }

    /// Checks that `stats.contracts` equals the sums over `contract.list`, for every dimension
    /// alone, for returned contracts, and for a clerk's own office.
    private func checkStatistics() throws {
        let operatorClient = try RawClient(path: daemon.socketPath)
        let approved = try operatorClient.everyItem(
            "contract.list", filter: ["status": "approved"])
        let returned = try operatorClient.everyItem(
            "contract.list", filter: ["status": "returned"])

        func region(_ party: JSON?) -> String {
            guard party?["country"]?.stringValue == "CN" else {
                return party?["country"]?.stringValue ?? "-"
            }
            return (party?["division"]?.stringValue?.prefix(2)).map { $0 + "0000" } ?? "-"
        }
        let keyOf: [String: (JSON) -> String] = [
            "office": { String($0["officeId"]?.intValue ?? 0) },
            "category": { $0["category"]?.stringValue ?? "-" },
            "techField": { $0["techField"]?.stringValue ?? "-" },
            "month": { String($0["approvedAt"]?.stringValue?.prefix(7) ?? "-") },
            "province": { contract in
                let side = contract["registeringSide"]?.stringValue == "seller" ? "seller" : "buyer"
                return region(contract[side])
            },
            "outflow": { region($0["seller"]) },
            "inflow": { region($0["buyer"]) },
        ]
        let groupKey: [String: (JSON) -> String] = [
            "office": { String($0["officeId"]?.intValue ?? 0) },
            "category": { $0["category"]?.stringValue ?? "-" },
            "techField": { $0["techField"]?.stringValue ?? "-" },
            "month": { $0["month"]?.stringValue ?? "-" },
            "province": { $0["province"]?.stringValue ?? "-" },
            "outflow": { $0["outflow"]?.stringValue ?? "-" },
            "inflow": { $0["inflow"]?.stringValue ?? "-" },
        ]

        var total = Sums()
        approved.forEach { total.add($0) }
        for (dimension, key) in keyOf {
            var expected: [String: Sums] = [:]
            for contract in approved { expected[key(contract), default: Sums()].add(contract) }
            let result = try operatorClient.result("stats.contracts", ["by": [.string(dimension)]])
            var actual: [String: Sums] = [:]
            for group in result["groups"]?.arrayValue ?? [] {
                actual[groupKey[dimension]!(group)] = Sums(stats: group)
            }
            XCTAssertEqual(actual, expected, dimension)
            XCTAssertEqual(Sums(stats: result["total"] ?? .null), total, dimension)
        }

        var returnedByOffice: [String: Sums] = [:]
        for contract in returned {
            returnedByOffice[String(contract["officeId"]?.intValue ?? 0), default: Sums()]
                .add(contract)
        }
        let returnedStats = try operatorClient.result(
            "stats.contracts", ["by": ["office"], "statuses": ["returned"]])
        var actualReturned: [String: Sums] = [:]
        for group in returnedStats["groups"]?.arrayValue ?? [] {
            actualReturned[String(group["officeId"]?.intValue ?? 0)] = Sums(stats: group)
        }
        XCTAssertEqual(actualReturned, returnedByOffice)

        let officeID = try XCTUnwrap(offices["350100"])
        let clerk = try daemon.loggedIn(clerkName(officeID))
        var own = Sums()
        for contract in approved where contract["officeId"]?.intValue == officeID {
            own.add(contract)
        }
        let clerkStats = try clerk.result("stats.contracts", ["by": ["month", "category"]])
        XCTAssertEqual(Sums(stats: clerkStats["total"] ?? .null), own)
        let multi = try operatorClient.result(
            "stats.contracts", ["by": ["office", "province", "category", "month"]])
        let groupSum = (multi["groups"]?.arrayValue ?? []).map { Sums(stats: $0) }
            .reduce(into: Sums()) { sum, group in
                sum.count += group.count
                sum.amount += group.amount
                sum.techAmount += group.techAmount
            }
        XCTAssertEqual(groupSum, total)
    }
}
