//! Web pages: the command line on pages and URLs (`cli`), reading pages (`pages`), fetching them from a server the tests start on 127.0.0.1 (`fetch`,
//! `fetch_limits`, `fetch_proxy`), decoding their bytes (`decoding`).

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
mod pages;
#[cfg(unix)]
mod reader;
mod shared;
