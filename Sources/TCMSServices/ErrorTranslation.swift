import TCMSRPC
import TCMSStorage

/// Maps errors that are not `RPCError` onto the protocol's codes: a busy database becomes a
/// retryable 5003, a closed store 5030, a constraint failure a conflict, anything else an
/// internal error.
public enum ErrorTranslation {
    public static func rpcError(for error: any Error) -> RPCError {
        switch error {
        case let error as SQLiteError where error.isRetryable:
            return RPCError(
                code: RPCErrorCode.busy, reason: "database_busy",
                message: "The database stayed busy past the timeout; retry the call",
                messageZh: "数据库繁忙，请重试", retryable: true)
        case let error as SQLiteError where error.isUniqueViolation:
            return RPCError(
                code: RPCErrorCode.alreadyExists, reason: "already_exists",
                message: "A record with the same unique value already exists",
                messageZh: "记录已存在")
        case let error as SQLiteError where error.isConstraint:
            // A CHECK or NOT NULL constraint caught input the method's own checks let through.
            return RPCError(
                code: RPCErrorCode.validationFailed, reason: "constraint_failed",
                message: "The record breaks a stored-data rule (\(error.codeName)); "
                    + "check the values sent",
                messageZh: "数据不符合存储规则")
        case let error as SQLiteError where error.isDiskFull:
            // The write job rolled back, so nothing of the call was stored.
            return RPCError(
                code: RPCErrorCode.storageFailed, reason: "disk_full",
                message: "The database disk is full and the change was not saved; retry after "
                    + "the operator frees space",
                messageZh: "服务器磁盘已满，本次修改未保存，请稍后重试", retryable: true)
        case is StoreClosedError:
            return .shuttingDown
        default:
            return .internalError()
        }
    }
}
