import Foundation
import TCMSJSON

/// `tcms call METHOD [PARAMS_JSON]`: one call, the result as JSON on stdout.
public enum CallCommand {
    public static func run(socketPath: String, method: String, paramsText: String?) -> Int32 {
        var params = JSONObject()
        if let paramsText {
            guard let parsed = try? JSONParser.parse(paramsText), let object = parsed.objectValue
            else {
                printError("tcms call: PARAMS_JSON must be a JSON object, such as '{\"page\":1}'")
                return ExitCode.usage
            }
            params = object
        }

        let client: RPCClient
        do {
            client = try RPCClient(path: socketPath)
        } catch {
            printError("tcms call: \(error)")
            return ExitCode.unavailable
        }

        do {
            let result = try client.call(method, params)
            print(result.prettyPrinted())
            return ExitCode.success
        } catch let reply as RPCClient.ErrorReply {
            printError("tcms call: \(method) failed: \(reply.message) [\(reply.code)"
                       + (reply.reason.map { " \($0)" } ?? "") + "]")
            return reply.isServiceUnavailable ? ExitCode.unavailable : ExitCode.failure
        } catch {
            printError("tcms call: \(error)")
            return ExitCode.unavailable
        }
    }
}

/// Writes one diagnostic line to stderr.
public func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
