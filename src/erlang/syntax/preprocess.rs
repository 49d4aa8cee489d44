//! The preprocessor, as `epp` runs before `erl_parse`: over tokens, before
//! the parser sees them.
//!
//! - `-define(NAME, Tokens).` and `-define(NAME(A, B), Tokens).` define
//!   macros; `?NAME` and `?NAME(Args)` expand them (an argument is the
//!   tokens up to a comma outside brackets); `-undef(NAME).` forgets one;
//! - the predefined `?MODULE`, `?MODULE_STRING`, `?LINE` and `?FILE`;
//! - `-ifdef(NAME).`, `-ifndef(NAME).`, `-else.`, `-endif.` keep or drop
//!   the forms between them.
//!
//! An expanded token takes the position of the `?` that used the macro,
//! so an error in an expansion points at the use, and `?LINE` is the
//! line of its use. Expansion nests at most [`MAX_DEPTH`] deep (a macro
//! that uses itself is an error, not a loop).
//!
//! `-include("FILE").` reads FILE from the directory of the module's file
//! (`-include_lib` too, by its last part) and reads its tokens in place of
//! the attribute; a definition typed at the prompt has no directory.

use super::error::{Result, error_at};
use super::lexer::{Tok, Token};
use super::parser::MAX_DEPTH;
use crate::runtime::Term;
use std::collections::HashMap;
use std::path::Path;

struct Macro {
    params: Option<Vec<String>>,
    body: Vec<Token>,
}

struct Preprocessor<'a> {
    source: &'a str,
    module: &'a str,
    macros: HashMap<String, Macro>,
}

/// The tokens of `source` (module `module`) with its macros expanded and
/// its conditional forms resolved.
pub fn preprocess(
    source: &str,
    module: &str,
    tokens: Vec<Token>,
    include_dir: Option<&Path>,
) -> Result<Vec<Token>> {
    let mut tokens = tokens;
    let mut includes = 0;
    let mut pp = Preprocessor {
        source,
        module,
        macros: HashMap::new(),
    };
    let mut out = Vec::with_capacity(tokens.len());
    // Each `-ifdef`/`-ifndef` pushes whether its forms are kept, and
    // whether an `-else` was seen.
    let mut conditions: Vec<(bool, bool, Token)> = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let form_start = at == 0 || tokens[at - 1].tok == Tok::Dot;
        if form_start && let Some(directive) = directive(&tokens, at) {
            let end = form_end(&tokens, at);
            let keeping = conditions.iter().all(|(keep, _, _)| *keep);
            let form = &tokens[at..end];
            match directive {
                "ifdef" | "ifndef" => {
                    let name = pp.directive_name(form)?;
                    let defined = pp.macros.contains_key(&name) || predefined(&name);
                    conditions.push((defined == (directive == "ifdef"), false, tokens[at].clone()));
                }
                "else" => match conditions.last_mut() {
                    Some((keep, seen_else @ false, _)) => {
                        *keep = !*keep;
                        *seen_else = true;
                    }
                    _ => {
                        return Err(pp.error(
                            &tokens[at + 1],
                            "`-else` without an `-ifdef` or `-ifndef`",
                            None,
                        ));
                    }
                },
                // The guard closes the innermost condition; none open is
                // the error.
                "endif" if conditions.pop().is_none() => {
                    return Err(pp.error(
                        &tokens[at + 1],
                        "`-endif` without an `-ifdef` or `-ifndef`",
                        None,
                    ));
                }
                "include" | "include_lib" if keeping => {
                    let included = pp.include(form, include_dir, &mut includes)?;
                    // The file's tokens take the attribute's place, and
                    // are read as if written there.
                    tokens.splice(at..end, included);
                    continue;
                }
                "define" if keeping => pp.define(form)?,
                "undef" if keeping => {
                    let name = pp.directive_name(form)?;
                    pp.macros.remove(&name);
                }
                _ => {}
            }
            at = end;
            continue;
        }
        let keeping = conditions.iter().all(|(keep, _, _)| *keep);
        if !keeping {
            at += 1;
            continue;
        }
        if matches!(tokens[at].tok, Tok::Punct("?")) {
            at = pp.expand_at(&tokens, at, &mut out, 0)?;
            continue;
        }
        out.push(tokens[at].clone());
        at += 1;
    }
    if let Some((_, _, opened)) = conditions.last() {
        return Err(pp.error(
            opened,
            "this `-ifdef` or `-ifndef` has no `-endif`",
            Some("end the conditional forms with -endif."),
        ));
    }
    Ok(out)
}

/// `-NAME` at a form's start, for the preprocessor's own attributes.
fn directive(tokens: &[Token], at: usize) -> Option<&'static str> {
    if tokens[at].tok != Tok::Punct("-") {
        return None;
    }
    // `else` is a reserved word (OTP 25's `maybe ... else`), lexed as one.
    let name = match &tokens.get(at + 1)?.tok {
        Tok::Atom(name) => name.as_str(),
        Tok::Keyword("else") => "else",
        _ => return None,
    };
    [
        "define",
        "undef",
        "ifdef",
        "ifndef",
        "else",
        "endif",
        "include",
        "include_lib",
    ]
    .into_iter()
    .find(|d| *d == name)
}

/// The index after the `.` that ends the form starting at `at` (or the end).
fn form_end(tokens: &[Token], at: usize) -> usize {
    tokens[at..]
        .iter()
        .position(|t| matches!(t.tok, Tok::Dot | Tok::Eof))
        .map_or(tokens.len(), |i| {
            let end = at + i;
            if tokens[end].tok == Tok::Dot {
                end + 1
            } else {
                end
            }
        })
}

fn predefined(name: &str) -> bool {
    matches!(name, "MODULE" | "MODULE_STRING" | "LINE" | "FILE")
}

fn macro_name(tok: &Tok) -> Option<&str> {
    match tok {
        Tok::Atom(name) | Tok::Var(name) => Some(name),
        _ => None,
    }
}

impl Preprocessor<'_> {
    fn error(
        &self,
        token: &Token,
        message: impl Into<String>,
        hint: Option<&str>,
    ) -> crate::diagnostics::Diagnostic {
        error_at(
            self.source,
            token.pos,
            token.len,
            message,
            hint.map(str::to_owned),
        )
    }

    /// The name in `-undef(NAME).`, `-ifdef(NAME).`.
    fn directive_name(&self, form: &[Token]) -> Result<String> {
        match (form.get(2).map(|t| &t.tok), form.get(3)) {
            (Some(Tok::Punct("(")), Some(name)) => match macro_name(&name.tok) {
                Some(n) => Ok(n.to_owned()),
                None => Err(self.error(name, "expected a macro's name", Some("-ifdef(DEBUG)."))),
            },
            _ => Err(self.error(
                &form[1],
                "expected `(` and a macro's name",
                Some("-ifdef(DEBUG)."),
            )),
        }
    }

    /// `-include("FILE").` (and `-include_lib`, read the same way): the
    /// tokens of FILE, beside the module's file, placed at the attribute.
    fn include(&self, form: &[Token], dir: Option<&Path>, count: &mut usize) -> Result<Vec<Token>> {
        let at = &form[1];
        let file = match (form.get(2).map(|t| &t.tok), form.get(3).map(|t| &t.tok)) {
            (Some(Tok::Punct("(")), Some(Tok::Str(file))) => file.clone(),
            _ => {
                return Err(self.error(
                    at,
                    "expected a file name in quotes",
                    Some("-include(\"records.hrl\")."),
                ));
            }
        };
        let Some(dir) = dir else {
            return Err(self.error(
                at,
                "a definition typed here has no directory to include from",
                Some("put what the header defines in the definition, or `load` a NAME.erl file beside it"),
            ));
        };
        *count += 1;
        if *count > MAX_DEPTH {
            return Err(self.error(at, "too many -include (does a file include itself?)", None));
        }
        // `include_lib("app/include/x.hrl")`: the last part, beside the
        // module, as the playground has no applications to look in.
        let name = Path::new(&file)
            .file_name()
            .map(Path::new)
            .unwrap_or(Path::new(&file));
        let path = if dir.join(&file).is_file() {
            dir.join(&file)
        } else {
            dir.join(name)
        };
        let text = std::fs::read_to_string(&path).map_err(|e| {
            self.error(
                &form[3],
                format!("cannot read {}: {e}", path.display()),
                None,
            )
        })?;
        let tokens = super::lexer::tokenize(&text).map_err(|e| {
            self.error(
                &form[3],
                format!("in {file}, line {}: {}", e.line, e.message),
                None,
            )
        })?;
        Ok(tokens
            .into_iter()
            .filter(|t| t.tok != Tok::Eof)
            .map(|t| Token {
                tok: t.tok,
                pos: at.pos,
                len: at.len,
            })
            .collect())
    }

    /// `-define(NAME, Body).` or `-define(NAME(A, B), Body).`
    fn define(&mut self, form: &[Token]) -> Result<()> {
        let hint = Some("-define(TIMEOUT, 5000). or -define(SQUARE(X), X * X).");
        if form.get(2).map(|t| &t.tok) != Some(&Tok::Punct("(")) {
            return Err(self.error(&form[1], "expected `(` after -define", hint));
        }
        let Some(name_token) = form.get(3) else {
            return Err(self.error(&form[1], "expected a macro's name", hint));
        };
        let Some(name) = macro_name(&name_token.tok) else {
            return Err(self.error(name_token, "expected a macro's name", hint));
        };
        let mut at = 4;
        let mut params = None;
        if form.get(at).map(|t| &t.tok) == Some(&Tok::Punct("(")) {
            let mut list = Vec::new();
            at += 1;
            loop {
                match form.get(at).map(|t| &t.tok) {
                    Some(Tok::Punct(")")) if list.is_empty() => {
                        at += 1;
                        break;
                    }
                    Some(Tok::Var(v)) => {
                        list.push(v.clone());
                        at += 1;
                        match form.get(at).map(|t| &t.tok) {
                            Some(Tok::Punct(",")) => at += 1,
                            Some(Tok::Punct(")")) => {
                                at += 1;
                                break;
                            }
                            _ => {
                                return Err(self.error(
                                    &form[at.min(form.len() - 1)],
                                    "expected `,` or `)` in the macro's arguments",
                                    hint,
                                ));
                            }
                        }
                    }
                    _ => {
                        return Err(self.error(
                            &form[at.min(form.len() - 1)],
                            "expected a variable as the macro's argument",
                            hint,
                        ));
                    }
                }
            }
            params = Some(list);
        }
        if form.get(at).map(|t| &t.tok) != Some(&Tok::Punct(",")) {
            return Err(self.error(
                &form[at.min(form.len() - 1)],
                "expected `,` before the macro's body",
                hint,
            ));
        }
        // The body: up to the `)` before the closing `.`.
        let end = form.len().saturating_sub(1);
        let closes =
            form.len() >= 2 && form[end].tok == Tok::Dot && form[end - 1].tok == Tok::Punct(")");
        if !closes {
            return Err(self.error(&form[end], "expected `).` at the end of -define", hint));
        }
        let body = form[at + 1..end - 1].to_vec();
        self.macros.insert(name.to_owned(), Macro { params, body });
        Ok(())
    }

    /// Expands the macro used at `tokens[at]` (`?`) into `out`; the index
    /// after the use.
    fn expand_at(
        &self,
        tokens: &[Token],
        at: usize,
        out: &mut Vec<Token>,
        depth: usize,
    ) -> Result<usize> {
        let question = &tokens[at];
        if depth >= MAX_DEPTH {
            return Err(self.error(
                question,
                "macros expand too deep",
                Some("does a macro use itself?"),
            ));
        }
        let Some(name_token) = tokens.get(at + 1) else {
            return Err(self.error(question, "expected a macro's name after `?`", None));
        };
        let Some(name) = macro_name(&name_token.tok) else {
            return Err(self.error(
                name_token,
                "expected a macro's name after `?`",
                Some("?MODULE, ?LINE, or one -define made"),
            ));
        };
        let here = |tok: Tok| Token {
            tok,
            pos: question.pos,
            len: question.len,
        };
        let mut next = at + 2;
        let expansion: Vec<Token> = match (name, self.macros.get(name)) {
            (_, Some(Macro { params: None, body })) => body.clone(),
            (
                _,
                Some(Macro {
                    params: Some(params),
                    body,
                }),
            ) => {
                let (args, after) = self.arguments(tokens, next, name_token)?;
                if args.len() != params.len() {
                    return Err(self.error(
                        name_token,
                        format!(
                            "the macro {name} takes {} arguments, not {}",
                            params.len(),
                            args.len()
                        ),
                        None,
                    ));
                }
                next = after;
                let mut expanded = Vec::new();
                for token in body {
                    match &token.tok {
                        Tok::Var(v) if params.contains(v) => {
                            let i = params.iter().position(|p| p == v).expect("a parameter");
                            expanded.extend(args[i].iter().cloned());
                        }
                        _ => expanded.push(token.clone()),
                    }
                }
                expanded
            }
            ("MODULE", None) => vec![here(Tok::Atom(self.module.to_owned()))],
            ("MODULE_STRING", None) => vec![here(Tok::Str(self.module.to_owned()))],
            ("FILE", None) => vec![here(Tok::Str(format!("{}.erl", self.module)))],
            ("LINE", None) => vec![here(Tok::Int(Term::int(i64::from(question.pos.line))))],
            (_, None) => {
                return Err(self.error(
                    name_token,
                    format!("undefined macro '{name}'"),
                    Some("define it first: -define(NAME, Value)."),
                ));
            }
        };
        // The expansion may use macros in turn; each of its tokens stands
        // where the use is.
        let placed: Vec<Token> = expansion
            .into_iter()
            .map(|t| Token {
                tok: t.tok,
                pos: question.pos,
                len: question.len,
            })
            .collect();
        let mut i = 0;
        while i < placed.len() {
            if placed[i].tok == Tok::Punct("?") {
                i = self.expand_at(&placed, i, out, depth + 1)?;
            } else {
                out.push(placed[i].clone());
                i += 1;
            }
        }
        Ok(next)
    }

    /// `(Arg, Arg)` after a macro's name: each argument's tokens.
    fn arguments(
        &self,
        tokens: &[Token],
        at: usize,
        name: &Token,
    ) -> Result<(Vec<Vec<Token>>, usize)> {
        if tokens.get(at).map(|t| &t.tok) != Some(&Tok::Punct("(")) {
            return Err(self.error(name, "this macro takes arguments: expected `(`", None));
        }
        let mut args = vec![Vec::new()];
        let mut depth = 0usize;
        let mut i = at + 1;
        loop {
            let Some(token) = tokens.get(i) else {
                return Err(self.error(
                    name,
                    "the macro's arguments are never closed",
                    Some("add a `)`"),
                ));
            };
            match &token.tok {
                Tok::Punct("(" | "[" | "{" | "<<") => depth += 1,
                Tok::Punct(")") if depth == 0 => break,
                Tok::Punct(")" | "]" | "}" | ">>") => depth = depth.saturating_sub(1),
                Tok::Punct(",") if depth == 0 => {
                    args.push(Vec::new());
                    i += 1;
                    continue;
                }
                Tok::Dot | Tok::Eof => {
                    return Err(self.error(
                        name,
                        "the macro's arguments are never closed",
                        Some("add a `)`"),
                    ));
                }
                _ => {}
            }
            args.last_mut().expect("one at least").push(token.clone());
            i += 1;
        }
        if args.len() == 1 && args[0].is_empty() {
            args.clear();
        }
        Ok((args, i + 1))
    }
}
