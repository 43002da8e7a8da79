//! What the reader hands to the world outside it: a link to a browser (`o`) and the
//! selection to the terminal's clipboard (`y`). `update` decides what to hand over and
//! says so in the status bar; the event loop does the handing, as an `Effect`.

use super::document::safe_url;
use super::items::{Group, ItemRef, host_of};
use super::{App, Effect, Focus, Message};
use crate::sanitize::field;

impl App {
    /// `o`: the selected link, or the article's source when no link is selected.
    pub(super) fn open(&mut self) -> Option<Effect> {
        let link = match (self.group, self.selected_ref()) {
            (Group::Links, Some(ItemRef::Link(i))) => self.article.links.get(i).map(|l| l.url.clone()),
            _ => None,
        };
        let Some(url) = link.or_else(|| self.article.source.clone()) else {
            self.message = Some(Message::error("no link to open: choose one in the Links tab"));
            return None;
        };
        match safe_url(&url) {
            Some(url) => {
                self.message = Some(Message::info(format!("opening {}", field(&host_of(&url)))));
                Some(Effect::Open(url))
            }
            None => {
                self.message = Some(Message::error("not a web link: folio opens http, https and mailto links only"));
                None
            }
        }
    }

    /// `y`: what is selected, as text for the clipboard — a quote with its speaker (and
    /// the source), a statistic with its sentence, a link's URL, another item's words; in
    /// the reader, the paragraph at the top of the screen. Never a control character.
    pub(super) fn copy(&mut self) -> Option<Effect> {
        if !self.options.clipboard {
            self.message = Some(Message::error("copying is off (--no-clipboard)"));
            return None;
        }
        let Some((text, what)) = self.to_copy() else {
            self.message = Some(Message::error("nothing to copy here"));
            return None;
        };
        self.message = Some(Message::info(format!("copied {what}")));
        Some(Effect::Copy(text))
    }

    fn to_copy(&self) -> Option<(String, String)> {
        if self.focus == Focus::Reader {
            let block = self.doc.blocks.get(self.reader.current_block(&self.doc))?;
            return Some((field(block.original()), "the paragraph at the top".into()));
        }
        let a = &self.article;
        Some(match self.selected_ref()? {
            ItemRef::Quote(i) => {
                let q = a.quotes.get(i)?;
                let who = q.speaker.as_deref().map_or_else(String::new, |s| format!(" — {}", field(s)));
                let source = a.source.as_deref().map_or_else(String::new, |s| format!(" ({})", field(s)));
                (format!("“{}”{who}{source}", field(&q.text)), "the quote".into())
            }
            ItemRef::Statistic(i) => {
                let s = a.statistics.get(i)?;
                (format!("{}: {}", field(&s.text), field(&s.sentence)), "the statistic".into())
            }
            ItemRef::Link(i) => (field(&a.links.get(i)?.url), "the link".into()),
            r => (field(&self.item(r).label), "the item".into()),
        })
    }
}
