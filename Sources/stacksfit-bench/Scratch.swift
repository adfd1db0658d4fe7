import Foundation

enum Scratch {
    static func run() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func show<T: Encodable>(_ v: T) { print(String(decoding: try! encoder.encode(v), as: UTF8.self)) }
        show(["b": 1, "B": 2, "a": 3, "A": 4, "a1": 5, "a10": 6, "a2": 7, "_x": 8, "é": 9, "Z": 10, "aB": 11, "ab": 12, "descriptionHTML": 1, "descriptionHtml": 2, "description": 3])
        show([0.1, 0.15, 1.0, 100.0, 1e-7, 123456789.0, 0.30000000000000004, 58000.0, 24.5, 1e16, 1e21, 1.5e300, -0.0, 0.8, 2.0/3.0, 1e-5, 0.0001, 12345678901234567.0])
        show(["a\"b\\c/d\u{0}\u{1}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1f}\u{7f}\u{2028}é📚"])
        show([Float(0.1)])
        show([Int.max, Int.min, 0])
        let o: String? = nil
        show(["k": o])
        show([true, false])
    }
}
