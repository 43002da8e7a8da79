//! An article kept in a script template and copied into `<noscript>` for readers without
//! JavaScript (Blogger's posts). The parser reads a page as a browser with scripts on does,
//! so the copy is one run of text holding markup; when it holds the prose the page shows
//! nowhere else, it is parsed and put in the `<noscript>`'s place, which is then read as a
//! plain container.

use crate::article::structure::html::dom::{Dom, NONE, NodeData, NodeId};
use crate::article::structure::html::parser;
use crate::article::structure::html::text;

/// A copy holds at least this much text (non-space bytes) to be read: "Please enable
/// JavaScript to view the comments" and a tracking pixel hold less.
const MIN_COPY: u32 = 200;

/// Reads the `<noscript>` copies of the page's text into `dom`.
pub fn read_copies(dom: &mut Dom) {
    let copies: Vec<(NodeId, NodeId)> = dom
        .descendants(0)
        .filter(|&id| dom.tag(id).is_some_and(|t| &**t == "noscript"))
        .filter_map(|id| {
            let child = dom.node(id).first_child;
            let markup = dom.text(child).filter(|t| t.contains('<'))?;
            (dom.node(child).next == NONE && text::weight(markup) >= MIN_COPY).then_some((id, child))
        })
        .collect();
    for (noscript, child) in copies {
        let Some(markup) = dom.text(child) else { continue };
        let copy = parser::parse(markup);
        let body = copy.find_tag(copy.html_element(), "body").unwrap_or(NONE);
        let weight = text::weight(&text::visible(&copy, body, markup.len()));
        // What the page shows beside the copy (the noscript itself is never read): when it
        // holds the text already, the copy would read it twice.
        let parent = dom.node(noscript).parent;
        let beside = text::weight(&text::visible(dom, parent, markup.len()));
        if body != NONE && weight >= MIN_COPY && beside * 2 < weight {
            graft(dom, noscript, copy, body);
        }
    }
}

/// Moves `copy`'s nodes into `dom`, `body`'s children becoming `at`'s, and `at` a `<div>`.
fn graft(dom: &mut Dom, at: NodeId, copy: Dom, body: NodeId) {
    let offset = dom.nodes.len() as NodeId;
    let map = |id: NodeId| if id == NONE { NONE } else { id + offset };
    let (first, last) = (map(copy.node(body).first_child), map(copy.node(body).last_child));
    for mut node in copy.nodes {
        node.parent = map(node.parent);
        node.first_child = map(node.first_child);
        node.last_child = map(node.last_child);
        node.prev = map(node.prev);
        node.next = map(node.next);
        dom.nodes.push(node);
    }
    let mut c = first;
    while c != NONE {
        dom.nodes[c as usize].parent = at;
        c = dom.nodes[c as usize].next;
    }
    let n = &mut dom.nodes[at as usize];
    n.first_child = first;
    n.last_child = last;
    if let NodeData::Element(e) = &mut n.data {
        e.name = html5ever::local_name!("div");
    }
}
