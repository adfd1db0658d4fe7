import Foundation

enum Scratch {
    struct S: Encodable { var a: [Int] = []; var b: [String: Int] = [:]; var c: [[Int]] = [[1, 2], []]; var d: String? = nil; var e = 1.5; var f = ["x": ["y": 1]] }
    static func run() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try! encoder.encode(S()), as: UTF8.self), terminator: "|END\n")
        print(String(decoding: try! encoder.encode([S()]), as: UTF8.self), terminator: "|END\n")
        print(String(decoding: try! encoder.encode("x\u{2028}"), as: UTF8.self), terminator: "|END\n")
    }
}
