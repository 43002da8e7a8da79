//! Web pages: the command line on pages and URLs (`cli`), reading pages (`pages`; pages of
//! any kind and the markup around their text in `any_page`; titles, bylines and sites in
//! `metadata`), fetching them from a server the tests start on 127.0.0.1 (`fetch`,
//! `fetch_limits`, `fetch_proxy`), decoding their bytes (`decoding`).

mod any_page;
mod cli;
mod decoding;
mod fetch;
mod fetch_limits;
mod fetch_proxy;
#[cfg(unix)]
mod follow;
mod gold;
mod hostile;
mod leaks;
mod metadata;
mod pages;
#[cfg(unix)]
mod reader;
mod segments;
mod shared;
