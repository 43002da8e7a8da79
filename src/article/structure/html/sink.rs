//! The html5ever `TreeSink` that builds the [`Dom`] arena.

use crate::article::structure::html::dom::{Dom, Element, NONE, Node, NodeData, NodeId};
use html5ever::interface::ElemName;
use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{Attribute, LocalName, Namespace, QualName, ns};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

/// Builds the arena while html5ever parses.
pub(crate) struct Sink {
    pub(crate) nodes: RefCell<Vec<Node>>,
    /// Depth of the element inserted last: when it passes the nesting limit the parser
    /// counts the real stack of open elements (see `parse.rs`).
    pub(crate) depth_hint: Cell<u32>,
}

/// An element name handed back to the tree builder (atoms clone cheaply).
#[derive(Debug)]
pub(crate) struct Name {
    ns: Namespace,
    local: LocalName,
}

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.local
    }
}

impl Sink {
    pub(crate) fn new(capacity: usize) -> Sink {
        let mut nodes = Vec::with_capacity(capacity);
        nodes.push(Node::new(NodeData::Document));
        Sink { nodes: RefCell::new(nodes), depth_hint: Cell::new(0) }
    }

    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        (nodes.len() - 1) as NodeId
    }

    /// Unlink `id` from its parent and siblings.
    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        if parent == NONE && prev == NONE && next == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev as usize].next = next;
        } else if parent != NONE {
            nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            nodes[next as usize].prev = prev;
        } else if parent != NONE {
            nodes[parent as usize].last_child = prev;
        }
        let n = &mut nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    fn append_node(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent as usize].last_child;
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = last;
        }
        if last != NONE {
            nodes[last as usize].next = child;
        } else {
            nodes[parent as usize].first_child = child;
        }
        nodes[parent as usize].last_child = child;
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let (parent, prev) = {
            let s = &nodes[sibling as usize];
            (s.parent, s.prev)
        };
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = prev;
            c.next = sibling;
        }
        nodes[sibling as usize].prev = child;
        if prev != NONE {
            nodes[prev as usize].next = child;
        } else if parent != NONE {
            nodes[parent as usize].first_child = child;
        }
    }

    /// Append text to node `at` if it is a text node; returns whether it was.
    fn merge_text(nodes: &mut [Node], at: NodeId, text: &StrTendril) -> bool {
        if at == NONE {
            return false;
        }
        if let NodeData::Text(t) = &mut nodes[at as usize].data {
            t.push_tendril(text);
            return true;
        }
        false
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Name;

    fn finish(self) -> Dom {
        Dom { nodes: self.nodes.into_inner() }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name(&self, target: &NodeId) -> Name {
        match &self.nodes.borrow()[*target as usize].data {
            NodeData::Element(e) => Name { ns: e.ns.clone(), local: e.name.clone() },
            // The tree builder only asks about elements; answer harmlessly otherwise.
            _ => Name { ns: ns!(), local: LocalName::from("") },
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let html = name.ns == ns!(html);
        let el = Element { name: name.local, ns: name.ns, html, attrs };
        let id = self.push(NodeData::Element(el));
        if flags.template {
            // Template contents: a detached fragment, never reachable from the document,
            // so nothing inside a <template> is ever read.
            self.push(NodeData::Document);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendText(text) => {
                let last = nodes[*parent as usize].last_child;
                if !Self::merge_text(&mut nodes, last, &text) {
                    nodes.push(Node::new(NodeData::Text(text)));
                    let id = (nodes.len() - 1) as NodeId;
                    Self::append_node(&mut nodes, *parent, id);
                }
            }
            NodeOrText::AppendNode(n) => {
                Self::append_node(&mut nodes, *parent, n);
                let d = nodes[*parent as usize].depth + 1;
                nodes[n as usize].depth = d;
                self.depth_hint.set(d);
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev: &NodeId, child: NodeOrText<NodeId>) {
        let has_parent = self.nodes.borrow()[*element as usize].parent != NONE;
        if has_parent { self.append_before_sibling(element, child) } else { self.append(prev, child) }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // create_element pushed the fragment right after the template element.
        target + 1
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendText(text) => {
                let prev = nodes[*sibling as usize].prev;
                if !Self::merge_text(&mut nodes, prev, &text) {
                    nodes.push(Node::new(NodeData::Text(text)));
                    let id = (nodes.len() - 1) as NodeId;
                    Self::insert_before(&mut nodes, *sibling, id);
                }
            }
            NodeOrText::AppendNode(n) => {
                Self::insert_before(&mut nodes, *sibling, n);
                nodes[n as usize].depth = nodes[*sibling as usize].depth;
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(e) = &mut nodes[*target as usize].data {
            for a in attrs {
                if !e.attrs.iter().any(|x| x.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        let mut c = nodes[*node as usize].first_child;
        while c != NONE {
            let next = nodes[c as usize].next;
            Self::append_node(&mut nodes, *new_parent, c);
            c = next;
        }
    }
}
