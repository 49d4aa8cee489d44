//! The HTTP side: routes, the two POSTs, and answers to bad requests.
//!
//! | path | what |
//! |---|---|
//! | `GET /` | the projector page |
//! | `GET /join` | the audience page |
//! | `GET /events` | the projector's event stream (SSE) |
//! | `GET /events/me` | a member's own event stream (SSE, by cookie) |
//! | `GET /me` | the membership the cookie holds, as JSON |
//! | `POST /join` | `name=...`: join; sets the membership cookie |
//! | `POST /crash` | crash the cookie's own process |
//!
//! A body over 4 KiB gets 413, a malformed one 400, an unknown path 404, a
//! wrong method 405: nothing a client sends can panic a thread. Every
//! answer carries a content security policy that allows only this host's
//! own scripts, so an injected `<script>` would not run even if it slipped
//! past the escaping.

use super::audience::{self, Member};
use super::sse::{self, Audience};
use super::{AUDIENCE, Shared, assets, keeper};
use crate::runtime::Atom;
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tiny_http::{Header, Method, Request, Response};

/// The largest request body accepted.
pub const MAX_BODY: usize = 4096;
const COOKIE: &str = "lic_member";

/// A request thread: answers requests until the stage stops.
pub(super) fn serve(server: &tiny_http::Server, shared: &Arc<Shared>) {
    while !shared.stopping() {
        match server.recv_timeout(Duration::from_millis(200)) {
            Ok(Some(request)) => handle(request, shared),
            Ok(None) => {}
            // A connection that failed before it was a request: nothing to answer.
            Err(_) => {}
        }
    }
}

/// An answer: status, content type, body, extra headers.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: String,
    headers: Vec<(&'static str, String)>,
}

impl Answer {
    fn json(status: u16, body: String) -> Answer {
        Answer {
            status,
            content_type: "application/json; charset=utf-8",
            body,
            headers: Vec::new(),
        }
    }

    fn error(status: u16, message: &str) -> Answer {
        Answer::json(status, format!("{{\"error\":{}}}", json_string(message)))
    }
}

fn handle(mut request: Request, shared: &Arc<Shared>) {
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("");
    let method = request.method().clone();
    let answer = match (&method, path) {
        (Method::Get, "/events") => {
            return open_stream(
                request,
                shared,
                Audience::Projector,
                projector_backlog(shared),
            );
        }
        (Method::Get, "/events/me") => match member_of(&request, shared) {
            Some((token, member)) => {
                let first = vec![sse::frame("member", &membership_json(&member))];
                return open_stream(request, shared, Audience::Member(token), first);
            }
            None => Answer::error(403, "join first"),
        },
        (Method::Get | Method::Head, _) if assets::find(path).is_some() => {
            let asset = assets::find(path).expect("just found");
            Answer {
                status: 200,
                content_type: asset.content_type,
                body: asset.body.to_owned(),
                headers: Vec::new(),
            }
        }
        (Method::Get, "/me") => match member_of(&request, shared) {
            Some((_, member)) => Answer::json(200, membership_json(&member)),
            None => Answer::json(200, "{\"member\":false}".into()),
        },
        (Method::Post, "/join") => match read_body(&mut request) {
            Ok(body) => join(&request, shared, &body),
            Err(answer) => answer,
        },
        (Method::Post, "/crash") => match read_body(&mut request) {
            Ok(_) => crash(&request, shared),
            Err(answer) => answer,
        },
        (_, "/join" | "/crash" | "/me" | "/events" | "/events/me") => {
            Answer::error(405, "method not allowed")
        }
        _ if assets::find(path).is_some() => Answer::error(405, "method not allowed"),
        _ => Answer::error(404, "not found"),
    };
    respond(request, answer);
}

fn respond(request: Request, answer: Answer) {
    let mut response = Response::from_string(answer.body)
        .with_status_code(answer.status)
        .with_header(header("Content-Type", answer.content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
        ));
    for (name, value) in &answer.headers {
        response = response.with_header(header(name, value));
    }
    // The client may be gone already: nothing to do about it.
    let _ = request.respond(response);
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

fn open_stream(request: Request, shared: &Arc<Shared>, audience: Audience, first: Vec<sse::Frame>) {
    let writer = request.into_writer();
    shared.hub.open(writer, audience, first);
}

/// What a new projector page needs to catch up: the drawing, the caption,
/// the recent ticker.
fn projector_backlog(shared: &Shared) -> Vec<sse::Frame> {
    let scene = shared.scene.lock();
    let mut frames = Vec::new();
    if !scene.svg.is_empty() {
        frames.push(sse::frame("svg", &scene.svg));
    }
    if let Some(caption) = &scene.caption {
        frames.push(sse::frame("say", caption));
    }
    frames.extend(scene.ticker.iter().map(|line| sse::frame("line", line)));
    frames
}

/// The body, at most [`MAX_BODY`] bytes of UTF-8.
fn read_body(request: &mut Request) -> Result<String, Answer> {
    if request.body_length().is_some_and(|n| n > MAX_BODY) {
        return Err(Answer::error(413, "the request body is over 4 KiB"));
    }
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut body);
    if read.is_err() {
        return Err(Answer::error(400, "the request body could not be read"));
    }
    if body.len() > MAX_BODY {
        return Err(Answer::error(413, "the request body is over 4 KiB"));
    }
    String::from_utf8(body).map_err(|_| Answer::error(400, "the request body is not UTF-8"))
}

/// The member the request's cookie names.
fn member_of(request: &Request, shared: &Shared) -> Option<(String, Member)> {
    let token = request
        .headers()
        .iter()
        .filter(|h| h.field.equiv("Cookie"))
        .flat_map(|h| h.value.as_str().split(';'))
        .filter_map(|pair| pair.trim().strip_prefix(COOKIE)?.strip_prefix('='))
        .next()?
        .to_owned();
    let member = shared.roster.lock().get(&token)?.clone();
    Some((token, member))
}

fn join(request: &Request, shared: &Arc<Shared>, body: &str) -> Answer {
    let Some(typed) = form_value(body, "name") else {
        return Answer::error(400, "send name=YOUR NAME");
    };
    let name = match audience::clean_name(&typed) {
        Ok(name) => name,
        Err(why) => return Answer::error(400, why),
    };
    if let Some((_, member)) = member_of(request, shared) {
        // A second Join from the same phone: it is already in.
        return Answer::json(200, membership_json(&member));
    }
    if !shared.roster.lock().open {
        return Answer::error(403, "the audience demo is not open right now");
    }
    let Some(world) = shared.world() else {
        return Answer::error(503, "the stage is restarting");
    };
    let token = audience::new_token();
    let joined = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // In the roster before the tree is looked at: if the keeper is
    // bringing the tree back, either this request sees the new tree or
    // the keeper's rejoin sees this member (see `keeper`).
    let mut member = shared.roster.lock().add(&token, &name, joined);
    let welcome = |member: &Member| {
        let mut answer = Answer::json(200, membership_json(member));
        answer.headers.push((
            "Set-Cookie",
            format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=86400"),
        ));
        answer
    };
    let Some(top) = world.whereis(Atom::new(AUDIENCE)) else {
        if shared.audience_down.load(Ordering::SeqCst) {
            // The tree gave up and comes back in a moment: the member is
            // in, and its process starts with the others.
            return welcome(&member);
        }
        shared.roster.lock().remove(&token);
        return Answer::error(503, "the audience tree is not running");
    };
    match world.start_member(top, member.partition, member.id, joined) {
        Ok((pid, _)) => {
            shared.roster.lock().set_pid(&token, Some(pid));
            member.pid = Some(pid);
            welcome(&member)
        }
        Err(_) if shared.audience_down.load(Ordering::SeqCst) => welcome(&member),
        Err(why) => {
            shared.roster.lock().remove(&token);
            Answer::error(503, &format!("could not start your process: {why}"))
        }
    }
}

fn crash(request: &Request, shared: &Arc<Shared>) -> Answer {
    let Some((token, member)) = member_of(request, shared) else {
        return Answer::error(403, "join first: only your own process can be crashed");
    };
    if !shared.roster.lock().allow_crash(&token, Instant::now()) {
        return Answer::error(
            429,
            "easy! five crashes a second is the limit: give your supervisor a breather",
        );
    }
    let Some(world) = shared.world() else {
        return Answer::error(503, "the stage is restarting");
    };
    let Some(top) = world.whereis(Atom::new(AUDIENCE)) else {
        if shared.audience_down.load(Ordering::SeqCst) {
            let mut answer = Answer::error(
                503,
                "the whole audience tree went down: the stage brings it back in a moment",
            );
            answer
                .headers
                .push(("Retry-After", keeper::RESTART_PAUSE.as_secs().to_string()));
            return answer;
        }
        return Answer::error(503, "the audience tree is not running");
    };
    match world.crash_member(top, member.partition, member.id) {
        Ok((pid, count)) => Answer::json(
            200,
            format!(
                "{{\"crashed\":{},\"count\":{count}}}",
                json_string(&pid.to_string())
            ),
        ),
        Err(why) => Answer::error(409, &why),
    }
}

/// A member as its page sees it.
pub(super) fn membership_json(member: &Member) -> String {
    let pid = member.pid.map(|p| p.to_string()).unwrap_or_default();
    format!(
        "{{\"type\":\"member\",\"member\":true,\"name\":{},\"id\":{},\"partition\":{},\"pid\":{},\"joined\":{}}}",
        json_string(&member.name),
        json_string(member.id.name()),
        json_string(member.partition),
        json_string(&pid),
        member.joined
    )
}

/// A JSON string literal; `<` and `>` are escaped too, so the text is
/// inert even if a page ever put it into HTML.
pub(super) fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One field of an `application/x-www-form-urlencoded` body.
fn form_value(body: &str, key: &str) -> Option<String> {
    body.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (percent_decode(k)? == key).then(|| percent_decode(v))?
    })
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_are_decoded() {
        assert_eq!(form_value("name=Erin", "name").as_deref(), Some("Erin"));
        assert_eq!(
            form_value("x=1&name=%3Cscript%3E+x", "name").as_deref(),
            Some("<script> x")
        );
        assert_eq!(
            form_value("name=%C3%89mile", "name").as_deref(),
            Some("Émile")
        );
        assert_eq!(form_value("name=%ZZ", "name"), None);
        assert_eq!(form_value("name=%C3", "name"), None);
        assert_eq!(form_value("other=1", "name"), None);
    }

    #[test]
    fn json_strings_are_inert() {
        assert_eq!(json_string("a\"b"), r#""a\"b""#);
        assert_eq!(json_string("</script>"), r#""\u003c/script\u003e""#);
        assert_eq!(json_string("\n"), r#""\u000a""#);
    }
}
