//! What the reader remembers between runs, through the store (issue 21): readers quitting
//! at the same moment each keep what they remember.

use folio::app::memory::Memory;
use folio::cli::state::{Keeper, open, recall, saving};
use std::sync::{Arc, Barrier};

fn memory(block: usize) -> Memory {
    Memory { at: Some((block, 4)), progress: block as u16, ..Memory::default() }
}

/// Two readers quit at once, thirty times: both places and both searches are kept every
/// time (reading, merging and writing a JSON file without a lock lost one in 29 of 30).
#[test]
fn two_readers_quitting_together_thirty_times_both_keep_everything() {
    let dir = tempfile::tempdir().expect("dir");
    for round in 0..30u64 {
        let start = Arc::new(Barrier::new(2));
        let readers: Vec<_> = (0..2u64)
            .map(|who| {
                let (dir, start) = (dir.path().to_path_buf(), Arc::clone(&start));
                std::thread::spawn(move || {
                    let (store, notices) = open(&dir);
                    assert!(notices.is_empty(), "{notices:?}");
                    let keeper = Keeper::new(store.expect("a store"));
                    let key = round * 2 + who;
                    keeper.offer(saving(Some((key, memory(key as usize))), None, None, vec![format!("q{key}")]));
                    start.wait();
                    keeper.finish()
                })
            })
            .collect();
        for r in readers {
            r.join().expect("a reader").expect("saved");
        }
        let (store, _) = open(dir.path());
        let got = recall(store.as_ref(), Vec::new(), true);
        for key in [round * 2, round * 2 + 1] {
            assert_eq!(got.articles.get(&key), Some(&memory(key as usize)), "round {round}: reader {key} lost");
            assert!(got.searches.contains(&format!("q{key}")), "round {round}: search q{key} lost");
        }
    }
}
