extension MarkupTree {
    /// Visits the subtree under `node` (not `node` itself) in document order without recursion.
    ///
    /// - Parameters:
    ///   - enter: called on each node; return false to skip the node's children (and its `exit`).
    ///   - exit: called on each element after its children.
    public func walk(_ node: Node, enter: (Node) -> Bool, exit: (Node) -> Void) {
        var current = storage[Int(node.index)].firstChild
        guard current >= 0 else { return }
        while true {
            let descend = enter(Node(current))
            let firstChild = storage[Int(current)].firstChild
            if descend && firstChild >= 0 {
                current = firstChild
                continue
            }
            if descend && storage[Int(current)].kind == .element { exit(Node(current)) }
            var climb = current
            while storage[Int(climb)].nextSibling < 0 {
                climb = storage[Int(climb)].parent
                if climb == node.index || climb < 0 { return }
                exit(Node(climb))
            }
            current = storage[Int(climb)].nextSibling
        }
    }
}
