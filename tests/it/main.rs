//! folio's integration tests, in one binary so the library is linked once: the reader
//! driven through `update` (`app_update`, `search`), whole screens (`ui_snapshots`), the
//! real binary in a pseudo-terminal (`terminal`) and on the command line (`cli`,
//! `bad_input`, `hostile`), gold-scored extraction (`seed`, `samples`, `fixtures`),
//! generated inputs (`properties`), and the layout rules of the source (`layers`).

mod common;

mod app_update;
mod bad_input;
mod bounded;
mod cli;
mod extraction;
#[cfg(unix)]
mod feeds;
mod fixtures;
mod habits;
mod hostile;
mod layers;
mod learned;
mod properties;
mod reading;
mod rich;
mod rtl;
mod samples;
mod search;
mod seed;
mod state;
mod terminal;
mod tidy;
mod ui_snapshots;
mod visits;
mod web;
