use super::*;
use ratatui::crossterm::event::KeyEvent;

fn press(context: Context, code: KeyCode) -> Option<Action> {
    key_action(context, KeyEvent::from(code))
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for context in EVERYWHERE {
        let mut seen = Vec::new();
        for binding in bindings().iter().filter(|b| b.contexts.contains(context)) {
            for key in &binding.keys {
                assert!(!seen.contains(key), "{key:?} bound twice in {context:?}");
                seen.push(*key);
            }
        }
    }
}

#[test]
fn the_list_and_the_detail_pane_give_the_same_key_their_own_meaning() {
    assert_eq!(press(Context::List, KeyCode::Char('j')), Some(Action::Move(1)));
    assert_eq!(press(Context::Detail, KeyCode::Char('j')), Some(Action::ScrollDetail(1)));
    assert_eq!(press(Context::List, KeyCode::Char('G')), Some(Action::Last));
    assert_eq!(press(Context::Detail, KeyCode::Char('G')), Some(Action::DetailBottom));
    assert_eq!(press(Context::Detail, KeyCode::PageDown), Some(Action::DetailPage(1)));
    assert_eq!(press(Context::List, KeyCode::Char('/')), Some(Action::StartSearch));
}

#[test]
fn prompts_take_text_and_the_chronology_does_not() {
    assert_eq!(press(Context::Search, KeyCode::Char('q')), Some(Action::Input('q')));
    assert_eq!(press(Context::Picker, KeyCode::Char(' ')), Some(Action::PickerToggle));
    assert_eq!(press(Context::Prompt, KeyCode::Char('j')), Some(Action::Input('j')));
    assert_eq!(press(Context::List, KeyCode::Char('x')), None);
    assert_eq!(press(Context::Confirm, KeyCode::Char('y')), Some(Action::Input('y')));
    assert_eq!(press(Context::Confirm, KeyCode::Char('x')), None);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for context in EVERYWHERE {
        assert_eq!(key_action(*context, ctrl_c), Some(Action::Quit), "{context:?}");
    }
}

#[test]
fn help_and_quit_are_hints_the_footer_keeps_longest() {
    for context in [Context::List, Context::Detail] {
        let hints = hints(context);
        let top = hints.iter().map(|(_, h)| h.priority).max();
        for (keys, text) in [("?", "help"), ("q", "quit")] {
            let hint = hints.iter().find(|(k, h)| *k == keys && h.text == text).expect("hint");
            assert_eq!(Some(hint.1.priority), top);
        }
    }
}

#[test]
fn every_binding_is_in_the_help() {
    let listed: Vec<&str> = help_sections().iter().flat_map(|(_, rows)| rows.iter().map(|r| r.1)).collect();
    for binding in bindings() {
        assert!(listed.contains(&binding.help), "{} is not in the help", binding.help);
    }
}
