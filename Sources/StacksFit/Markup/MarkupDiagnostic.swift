/// Something a parser noticed about the markup: where, how bad, and what.
public struct MarkupDiagnostic: Sendable, Hashable {
    /// 1-based line in the parsed text, when libxml2 knew it.
    public var line: Int?
    /// True for errors that make an XML document not well-formed; false for warnings.
    public var isError: Bool
    /// libxml2's message, trimmed.
    public var message: String
}

/// Collects libxml2's structured errors for one parse. Only the first few are kept verbatim.
final class DiagnosticSink {
    private(set) var diagnostics: [MarkupDiagnostic] = []
    private(set) var errorCount = 0
    private let keep = 20

    func record(line: Int, isError: Bool, message: String) {
        if isError { errorCount += 1 }
        guard diagnostics.count < keep else { return }
        let text = message.trimmingWhitespace
        diagnostics.append(MarkupDiagnostic(line: line > 0 ? line : nil, isError: isError, message: text))
    }
}

import CLibXML2
import Foundation

extension DiagnosticSink {
    /// The C callback libxml2 calls; `userData` is an unretained `DiagnosticSink`.
    static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let sink = Unmanaged<DiagnosticSink>.fromOpaque(userData).takeUnretainedValue()
        let message = LibXML.string(UnsafePointer(error.pointee.message.map {
            UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)
        })) ?? "unknown error"
        sink.record(line: Int(error.pointee.line),
                    isError: error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
                    message: message)
    }
}
