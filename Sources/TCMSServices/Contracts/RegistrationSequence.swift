import Foundation
import TCMSDomain
import TCMSStorage

/// Issues registration numbers: the next sequence of an office in a year, inside the write
/// job of the approval that uses it.
///
/// The counter and the approval commit or roll back together, so a number is issued exactly
/// when an approval is stored: a failed or losing approval, or a daemon killed mid-approval,
/// leaves the counter where it was, and numbers stay gap-free and are never reused. A number
/// already issued, by an office that covered the division code before, is skipped.
enum RegistrationSequence {
    /// Returns the 6-digit code the office's numbers carry: the most general division it covers (the
    /// smallest code among its regions).
    static func divisionCode(ofOffice officeID: Int64, in database: Database) throws -> String? {
        try database.queryFirst(
            "SELECT min(division_code) FROM office_regions WHERE office_id = ?", [officeID]
        ) { $0.optionalString(0) } ?? nil
    }

    /// Takes the next number of `officeID` for an approval at `approvedAt`.
    static func next(officeID: Int64, approvedAt: Date, in database: Database) throws
        -> RegistrationNumber
    {
        guard let division = try divisionCode(ofOffice: officeID, in: database) else {
            throw ContractErrors.noOffice
        }
        let year = ChinaTime.date(of: approvedAt).year
        let last = try database.queryFirst(
            "SELECT last_sequence FROM registration_sequences WHERE office_id = ? AND year = ?",
            [officeID, year]
        ) { $0.int(0) } ?? 0
        guard last < RegistrationNumber.maxSequence else { throw ContractErrors.sequenceExhausted }

        var sequence = last + 1
        var number = try make(approvedAt: approvedAt, division: division, sequence: sequence)
        // When an operator moves a division code from one office to another, the numbers that
        // the first office issued under that code this year stay taken, so the count goes on
        // after them instead of issuing one of them again.
        while try isIssued(number, in: database) {
            sequence += 1
            guard sequence <= RegistrationNumber.maxSequence else {
                throw ContractErrors.sequenceExhausted
            }
            number = try make(approvedAt: approvedAt, division: division, sequence: sequence)
        }

        try database.run(
            """
            INSERT INTO registration_sequences (office_id, year, last_sequence) VALUES (?, ?, ?)
            ON CONFLICT (office_id, year) DO UPDATE SET last_sequence = excluded.last_sequence
            """, [officeID, year, sequence])
        return number
    }

    private static func make(approvedAt: Date, division: String, sequence: Int) throws
        -> RegistrationNumber
    {
        do throws(DomainViolation) {
            return try RegistrationNumber.make(
                approvedAt: approvedAt, divisionCode: division, sequence: sequence)
        } catch {
            throw ContractErrors.workflow(error)
        }
    }

    private static func isIssued(_ number: RegistrationNumber, in database: Database) throws
        -> Bool
    {
        try database.scalarInt(
            "SELECT count(*) FROM contracts WHERE registration_number = ?",
            [number.description]) > 0
    }
}
