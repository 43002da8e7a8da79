//! The parsed page: an arena of nodes built by html5ever through our own `TreeSink`.
//!
//! Nodes live in one `Vec<Node>` and refer to each other by `u32` index, so there is no
//! reference counting, building is cheap, and dropping a tree of any depth is a flat
//! `Vec` drop (no recursion, no stack overflow). Index 0 is the document; since the
//! document is never anyone's child or sibling, `0` doubles as "no node" in the links.
//!
//! Every walk over the tree in this crate is iterative (see [`Dom::descendants`]).

use html5ever::tendril::StrTendril;
use html5ever::{Attribute, LocalName, Namespace};

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;

/// The "no node" link value (the document's own index, which is never linked to).
pub const NONE: NodeId = 0;

/// What a node is.
#[derive(Debug)]
pub enum NodeData {
    /// The document root (index 0) and template-content fragments (never linked in).
    Document,
    /// An element: its local name, whether it is in the HTML namespace, its attributes.
    Element(Element),
    /// A run of text (adjacent runs are merged while parsing).
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: kept only so the tree builder's
    /// handles stay valid; never read.
    Other,
}

/// An element's name and attributes.
#[derive(Debug)]
pub struct Element {
    pub name: LocalName,
    /// The namespace (HTML, or SVG / MathML for foreign content).
    pub ns: Namespace,
    /// Whether `ns` is HTML; SVG and MathML content is never read as text.
    pub html: bool,
    pub attrs: Vec<Attribute>,
}

impl Element {
    /// The value of attribute `name` (no namespace), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
    }
}

/// One node with its tree links.
#[derive(Debug)]
pub struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev: NodeId,
    pub next: NodeId,
    /// Depth when the node was inserted (a hint for the parser's nesting limit only).
    pub(crate) depth: u32,
    pub data: NodeData,
}

impl Node {
    pub(crate) fn new(data: NodeData) -> Node {
        Node { parent: NONE, first_child: NONE, last_child: NONE, prev: NONE, next: NONE, depth: 0, data }
    }
}

/// The parsed document.
pub struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// The element data of `id`, if it is an element.
    #[inline]
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id as usize].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The local name of element `id` (None for non-elements and non-HTML elements).
    #[inline]
    pub fn tag(&self, id: NodeId) -> Option<&LocalName> {
        match &self.nodes[id as usize].data {
            NodeData::Element(e) if e.html => Some(&e.name),
            _ => None,
        }
    }

    /// Attribute `name` of element `id`.
    #[inline]
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    /// The text of a text node.
    #[inline]
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id as usize].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    #[inline]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { dom: self, next: self.nodes[id as usize].first_child }
    }

    /// Element children of `id`.
    pub fn child_elements(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(|&c| self.element(c).is_some())
    }

    /// All descendants of `root` (not `root` itself) in document order, iteratively.
    pub fn descendants(&self, root: NodeId) -> Descendants<'_> {
        Descendants { dom: self, root, next: self.nodes[root as usize].first_child }
    }

    /// Ancestors of `id`, nearest first, excluding `id` and the document.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut cur = self.nodes[id as usize].parent;
        std::iter::from_fn(move || {
            if cur == NONE {
                return None;
            }
            let out = cur;
            cur = self.nodes[cur as usize].parent;
            Some(out)
        })
    }

    /// Whether `a` is `b` or one of `b`'s ancestors.
    pub fn contains(&self, a: NodeId, b: NodeId) -> bool {
        a == b || self.ancestors(b).any(|x| x == a)
    }

    /// The first element (depth-first) under `root` whose tag is `name`.
    pub fn find_tag(&self, root: NodeId, name: &str) -> Option<NodeId> {
        self.descendants(root).find(|&d| self.tag(d).is_some_and(|t| &**t == name))
    }

    /// The `<html>` element (falls back to the document).
    pub fn html_element(&self) -> NodeId {
        self.child_elements(0).find(|&c| self.tag(c).is_some_and(|t| &**t == "html")).unwrap_or(0)
    }

    /// Text under `root`, raw, stopping once `limit` bytes are collected (for short
    /// elements whose size is not known in advance).
    pub fn text_upto(&self, root: NodeId, limit: usize) -> String {
        let mut s = String::new();
        for d in self.descendants(root) {
            if let Some(t) = self.text(d) {
                s.push_str(t);
                if s.len() >= limit {
                    break;
                }
            }
        }
        s
    }

    /// All text under `root`, concatenated raw (no whitespace handling, no filtering).
    pub fn raw_text(&self, root: NodeId) -> String {
        let mut s = String::new();
        if let Some(t) = self.text(root) {
            s.push_str(t);
        }
        for d in self.descendants(root) {
            if let Some(t) = self.text(d) {
                s.push_str(t);
            }
        }
        s
    }
}

/// Iterator over a node's children.
pub struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let out = self.next;
        self.next = self.dom.nodes[out as usize].next;
        Some(out)
    }
}

/// Pre-order iterator over a subtree; uses the parent links, so it needs no stack.
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: NodeId,
}

impl Descendants<'_> {
    /// Do not descend into the children of the node most recently returned.
    pub fn skip_children_of(&mut self, id: NodeId) {
        // Only valid if `id` was the last node returned: the iterator's `next` then points
        // at its first child (or beyond it if it has none).
        if self.next != NONE && self.dom.nodes[self.next as usize].parent == id {
            self.next = self.after(id);
        }
    }

    /// The node following `id`'s subtree in pre-order, within `root`.
    fn after(&self, mut id: NodeId) -> NodeId {
        let nodes = &self.dom.nodes;
        loop {
            if id == self.root || id == NONE {
                return NONE;
            }
            let n = &nodes[id as usize];
            if n.next != NONE {
                return n.next;
            }
            id = n.parent;
        }
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let out = self.next;
        let n = &self.dom.nodes[out as usize];
        self.next = if n.first_child != NONE { n.first_child } else { self.after(out) };
        Some(out)
    }
}
