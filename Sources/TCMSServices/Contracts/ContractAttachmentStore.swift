import TCMSDomain
import TCMSJSON
import TCMSRPC
import TCMSStorage

/// The kind of a contract attachment: the electronic contract text, a scan of the signed paper
/// text, or another document.
enum AttachmentKind: String, Labelled {
    case contractText = "contract_text"
    case scan
    case other

    var label: String {
        switch self {
        case .contractText: "电子合同文本"
        case .scan: "合同扫描件"
        case .other: "其他材料"
        }
    }
}

/// Reads and checks rows of `contract_attachments`.
enum ContractAttachmentStore {
    /// Contract statuses in which the registering handler may add attachments: while the
    /// handler may still edit the contract (draft, returned, withdrawn) and while it waits for
    /// its paper text (submitted). Once the office has the text, what it reviews is fixed.
    static let openStatuses: Set<ContractStatus> = [.draft, .submitted, .returned, .withdrawn]

    /// Most attachments of one contract, unfinished uploads included, so that a handler cannot
    /// fill the disk through one contract.
    static let maxPerContract = 20

    /// The columns `json` reads, in its order.
    static let columns = """
        a.id, a.contract_id, a.kind, a.file_name, a.content_type, a.size, a.sha256, a.received,
        a.status, a.uploaded_by, a.created_at, a.completed_at
        """

    /// The upload state of one attachment row and the status of its contract.
    struct Upload {
        let contractID: Int64
        let size: Int64
        let sha256: String
        let received: Int64
        let status: String
        let contractStatus: ContractStatus
    }

    /// Returns the attachment `id` when `handler` uploads it to a contract the handler
    /// registered, else `not_found`, so other handlers' attachment ids are not revealed.
    static func ownUpload(
        _ id: Int64, handler: ContractRegistration.Handler, in database: Database
    ) throws -> Upload {
        let found = try database.queryFirst(
            """
            SELECT a.contract_id, a.size, a.sha256, a.received, a.status, c.status
            FROM contract_attachments a JOIN contracts c ON c.id = a.contract_id
            WHERE a.id = ? AND a.uploaded_by = ? AND c.entity_id = ? AND c.handler_login = ?
            """, [id, handler.login, handler.entityID, handler.login]
        ) { row in
            Upload(
                contractID: row.int64(0), size: row.int64(1), sha256: row.string(2),
                received: row.int64(3), status: row.string(4),
                contractStatus: ContractStatus(rawValue: row.string(5)) ?? .draft)
        }
        guard let found else { throw ContractAttachmentErrors.notFound }
        return found
    }

    /// Returns the complete attachments of a contract, oldest first, as `contract.get` shows them.
    static func complete(contractID: Int64, in database: Database) throws -> [JSON] {
        try database.query(
            """
            SELECT \(columns) FROM contract_attachments a
            WHERE a.contract_id = ? AND a.status = 'complete' ORDER BY a.id
            """, [contractID], json)
    }

    /// Returns the attachment of the current row of a query over `columns`.
    static func json(_ row: Row) -> JSON {
        let kind = AttachmentKind(rawValue: row.string(2))
        let status = row.string(8)
        return [
            "id": .int(row.int64(0)), "contractId": .int(row.int64(1)),
            "kind": .string(row.string(2)), "kindLabel": .string(kind?.label ?? row.string(2)),
            "fileName": .string(row.string(3)), "contentType": .string(row.string(4)),
            "size": .int(row.int64(5)), "sha256": .string(row.string(6)),
            "receivedBytes": .int(row.int64(7)), "status": .string(status),
            "statusLabel": .string(status == "complete" ? "已上传" : "上传中"),
            "uploadedBy": .string(row.string(9)), "createdAt": .string(row.string(10)),
            "completedAt": row.optionalString(11).map { .string($0) } ?? .null,
        ]
    }

    /// Throws `attachments_closed` unless the contract takes attachments in `status`.
    static func requireOpen(_ status: ContractStatus) throws {
        guard openStatuses.contains(status) else {
            throw ContractAttachmentErrors.closed(status)
        }
    }
}

/// Errors of contract attachments.
enum ContractAttachmentErrors {
    /// No such attachment, or one the caller may not see or upload to.
    static let notFound = RPCError(
        code: RPCErrorCode.notFound, reason: "not_found",
        message: "No attachment with this id is visible to the caller", messageZh: "附件不存在",
        field: "params.attachmentId")

    static let notOpen = RPCError(
        code: RPCErrorCode.invalidState, reason: "upload_not_open",
        message: "The attachment is complete already; begin a new upload to add another file",
        messageZh: "该附件已上传完成，如需补充请重新上传", field: "params.attachmentId")

    static func closed(_ status: ContractStatus) -> RPCError {
        RPCError(
            code: RPCErrorCode.invalidState, reason: "attachments_closed",
            message: "The contract is \(status.rawValue): attachments can be added only while it "
                + "is draft, submitted, returned or withdrawn",
            messageZh: "当前状态为“\(status.label)”的合同不能上传附件", field: "params.contractId")
    }

    static let tooMany = RPCError(
        code: RPCErrorCode.invalidState, reason: "too_many_attachments",
        message: "The contract has \(ContractAttachmentStore.maxPerContract) attachments, the "
            + "most it can have", messageZh: "该合同的附件数量已达上限",
        field: "params.contractId")
}
