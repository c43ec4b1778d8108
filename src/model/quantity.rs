//! A figure a record gives: an amount, a unit and how the source qualified it.

use std::fmt;

use serde::Serialize;

use super::vocabulary::Qualifier;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub amount: u64,
    pub amount_max: Option<u64>,
    pub unit: String,
    pub item: Option<String>,
    pub qualifier: Option<Qualifier>,
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let amount = group_thousands(self.amount);
        match (self.qualifier, self.amount_max) {
            (Some(Qualifier::Between), Some(max)) | (None, Some(max)) => {
                write!(f, "{amount}–{}", group_thousands(max))?
            }
            (Some(qualifier), _) => write!(f, "{} {amount}", qualifier.as_str().replace('-', " "))?,
            (None, None) => write!(f, "{amount}")?,
        }
        write!(f, " {}", self.unit)?;
        if let Some(item) = &self.item {
            write!(f, " ({item})")?;
        }
        Ok(())
    }
}

/// 1234567 → "1,234,567".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
