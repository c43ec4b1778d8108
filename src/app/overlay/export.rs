//! The export prompt: a file name, a confirmation before overwriting, and the outcome.

use super::{Overlay, edit_text};
use crate::app::{Action, App, Effect, ExportOutcome};

impl App {
    /// `annals-<the query, as a slug>.md` in the current directory.
    pub fn default_export_name(&self) -> String {
        let query = self.query.to_string().to_lowercase();
        let mut slug = String::new();
        for c in query.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
            if slug.len() >= 60 {
                break;
            }
        }
        let slug = slug.trim_end_matches('-');
        if slug.is_empty() { "annals-all-events.md".to_string() } else { format!("annals-{slug}.md") }
    }

    pub(in crate::app) fn export_prompt(&mut self, action: Action) -> Option<Effect> {
        if self.exporting {
            // One write at a time. Esc leaves it to finish; its outcome shows in the footer.
            if action == Action::Cancel {
                self.overlay = None;
            }
            return None;
        }
        let effect = self.export_prompt_input(action);
        self.exporting = effect.is_some();
        effect
    }

    fn export_prompt_input(&mut self, action: Action) -> Option<Effect> {
        let nothing_shown = self.chronology.visible.is_empty() && !self.searching;
        let Some(Overlay::Export { input, confirm, error, empty }) = &mut self.overlay else { return None };
        // `~` is the home directory, as people type it (`~/Desktop/kn23.md`).
        let path = |input: &str| crate::export::expand_tilde(input.trim());
        if *confirm {
            match action {
                // Yes to writing a view with no events: now write it, asking again if it exists.
                Action::Input('y' | 'Y') if *empty => {
                    *confirm = false;
                    *empty = false;
                    return Some(Effect::Export { path: path(input), overwrite: false });
                }
                Action::Input('y' | 'Y') => {
                    return Some(Effect::Export { path: path(input), overwrite: true });
                }
                Action::Input('n' | 'N') | Action::Cancel => {
                    *confirm = false;
                    *empty = false;
                }
                _ => {}
            }
            return None;
        }
        if edit_text(input, &action) {
            return None;
        }
        match action {
            Action::Cancel => self.overlay = None,
            Action::Submit if input.trim().is_empty() => *error = Some("give a file name".to_string()),
            Action::Submit if nothing_shown => {
                *confirm = true;
                *empty = true;
            }
            Action::Submit => return Some(Effect::Export { path: path(input), overwrite: false }),
            _ => {}
        }
        None
    }

    pub(in crate::app) fn export_done(&mut self, outcome: ExportOutcome) {
        self.exporting = false;
        match outcome {
            ExportOutcome::Written { path, events } => {
                // The prompt closes; whatever the user opened after leaving it stays open.
                if matches!(self.overlay, Some(Overlay::Export { .. })) {
                    self.overlay = None;
                }
                self.status = Some(format!(
                    "wrote {events} of {} events to {}",
                    self.dataset.events().len(),
                    path.display()
                ));
            }
            ExportOutcome::Exists(path) => {
                if let Some(Overlay::Export { confirm, error, .. }) = &mut self.overlay {
                    *confirm = true;
                    *error = None;
                } else {
                    self.status = Some(format!("{} exists; nothing written", path.display()));
                }
            }
            ExportOutcome::Failed(message) => {
                if let Some(Overlay::Export { confirm, error, .. }) = &mut self.overlay {
                    *confirm = false;
                    *error = Some(message);
                } else {
                    self.status = Some(message);
                }
            }
        }
    }
}
