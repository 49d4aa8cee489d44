//! The HTTP side: routes, the two POSTs, and answers to bad requests.
//!
//! | path | what |
//! |---|---|
//! | `GET /` | the projector page |
//! | `GET /join` | the audience page |
//! | `GET /qr.svg` | the join URL (on the host the page was asked for) as a QR code |
//! | `GET /events` | the projector's event stream (SSE) |
//! | `GET /events/me` | a member's own event stream (SSE, by cookie) |
//! | `GET /me` | the membership the cookie holds, as JSON |
//! | `POST /join` | `name=...`: join; sets the membership cookie |
//! | `POST /crash` | crash the cookie's own process |
//!
//! A body over 4 KiB gets 413, one that does not arrive within
//! [`BODY_TIMEOUT`] 408, a malformed one 400, an unknown path 404, a
//! wrong method 405: nothing a client sends can panic a thread. (What
//! happens before a request reaches these routes, from the connection cap
//! to the limits on the request head, is [`super::server`]'s.) Every
//! answer carries a content security policy that allows only this host's
//! own scripts, so an injected `<script>` would not run even if it slipped
//! past the escaping.

use super::audience::{self, Member};
use super::limits::{BODY_TIMEOUT, MAX_BODY};
use super::sse::{self, Audience, EventBody};
use super::world::InTree;
use super::{Shared, assets, keeper};
use bytes::Bytes;
use http_body_util::{BodyExt, Either, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

const COOKIE: &str = "lic_member";

/// What the server sends back: a whole body, or an open event stream.
pub(super) type Reply = Response<Either<Full<Bytes>, EventBody>>;

/// An answer: status, content type, body, extra headers.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Bytes,
    headers: Vec<(&'static str, String)>,
}

impl Answer {
    fn json(status: u16, body: String) -> Answer {
        Answer {
            status,
            content_type: "application/json; charset=utf-8",
            body: body.into(),
            headers: Vec::new(),
        }
    }

    fn error(status: u16, message: &str) -> Answer {
        Answer::json(status, format!("{{\"error\":{}}}", json_string(message)))
    }

    /// The connection ends after this answer: what is left of the request
    /// is not worth reading.
    fn closing(mut self) -> Answer {
        self.headers.push(("Connection", "close".into()));
        self
    }
}

/// Answers one request. Never fails and never panics on what a client
/// sends: every bad request is an answer with a status that says why.
pub(super) async fn handle(request: Request<Incoming>, shared: &Arc<Shared>) -> Reply {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    let answer = match (&method, path.as_str()) {
        (&Method::GET, "/events") => {
            let body = shared
                .hub
                .open(Audience::Projector, projector_backlog(shared));
            return stream(body);
        }
        (&Method::GET, "/events/me") => match member_of(request.headers(), shared) {
            Some((token, member)) => {
                let first = vec![sse::frame("member", &membership_json(&member))];
                return stream(shared.hub.open(Audience::Member(token), first));
            }
            None => Answer::error(403, "join first"),
        },
        (&Method::GET, "/qr.svg") => join_qr(request.headers()),
        (&Method::GET | &Method::HEAD, _) if assets::find(&path).is_some() => {
            let asset = assets::find(&path).expect("just found");
            Answer {
                status: 200,
                content_type: asset.content_type,
                body: Bytes::from_static(asset.body.as_bytes()),
                headers: Vec::new(),
            }
        }
        (&Method::GET, "/me") => match member_of(request.headers(), shared) {
            Some((_, member)) => Answer::json(200, membership_json(&member)),
            None => Answer::json(200, "{\"member\":false}".into()),
        },
        (&Method::POST, "/join") => {
            let (head, body) = request.into_parts();
            match read_body(&head.headers, body).await {
                Ok(body) => join(&head.headers, shared, &body).await,
                Err(answer) => answer,
            }
        }
        (&Method::POST, "/crash") => {
            let (head, body) = request.into_parts();
            match read_body(&head.headers, body).await {
                Ok(_) => crash(&head.headers, shared).await,
                Err(answer) => answer,
            }
        }
        (_, "/join" | "/crash" | "/me" | "/events" | "/events/me" | "/qr.svg") => {
            Answer::error(405, "method not allowed")
        }
        _ if assets::find(&path).is_some() => Answer::error(405, "method not allowed"),
        _ => Answer::error(404, "not found"),
    };
    respond(answer)
}

/// The headers every answer carries.
fn common_headers(headers: &mut HeaderMap, content_type: &'static str) {
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
        ),
    );
}

fn respond(answer: Answer) -> Reply {
    let mut response = Response::new(Either::Left(Full::new(answer.body)));
    *response.status_mut() =
        StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    common_headers(headers, answer.content_type);
    for (name, value) in answer.headers {
        // Every value is built here from checked parts (a hex token, a
        // number); one that is not a valid header value is left out
        // rather than sent broken.
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.append(name, value);
        }
    }
    response
}

/// An open event stream as the answer. The connection ends with the
/// stream, as a browser's `EventSource` expects.
fn stream(body: EventBody) -> Reply {
    let mut response = Response::new(Either::Right(body));
    let headers = response.headers_mut();
    common_headers(headers, "text/event-stream; charset=utf-8");
    headers.insert("X-Accel-Buffering", HeaderValue::from_static("no"));
    headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// What a new projector page needs to catch up: the drawing, the hall,
/// the caption, the recent ticker.
fn projector_backlog(shared: &Shared) -> Vec<sse::Frame> {
    let scene = shared.scene.lock();
    let mut frames = Vec::new();
    if !scene.svg.is_empty() {
        frames.push(sse::frame("svg", &scene.svg));
    }
    if !scene.hall.is_empty() {
        frames.push(sse::frame("hall", &scene.hall));
    }
    if let Some(caption) = &scene.caption {
        frames.push(sse::frame("say", caption));
    }
    frames.extend(scene.ticker.iter().map(|line| sse::frame("line", line)));
    frames
}

/// The join URL as a QR code, for the projector page. The host is the one
/// the page was loaded from (with `--public`, the LAN address the server
/// binds), so what the room scans is what the projector reached; a host
/// that is not a plain name or address with a port gets 400.
fn join_qr(headers: &HeaderMap) -> Answer {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        });
    let Some(host) = host else {
        return Answer::error(400, "no usable Host header");
    };
    match super::qr::svg_qr(&format!("http://{host}/join")) {
        Some(svg) => Answer {
            status: 200,
            content_type: "image/svg+xml",
            body: svg.into(),
            headers: Vec::new(),
        },
        None => Answer::error(400, "the join URL does not fit a QR code"),
    }
}

/// The body, at most [`MAX_BODY`] bytes of UTF-8, arrived within
/// [`BODY_TIMEOUT`].
async fn read_body(headers: &HeaderMap, body: Incoming) -> Result<String, Answer> {
    let too_large = || Answer::error(413, "the request body is over 4 KiB").closing();
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|n| n.to_str().ok()?.parse::<u64>().ok());
    if announced.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    let body = Limited::new(body, MAX_BODY);
    let collected = match tokio::time::timeout(BODY_TIMEOUT, body.collect()).await {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(error)) if error.downcast_ref::<LengthLimitError>().is_some() => {
            return Err(too_large());
        }
        Ok(Err(_)) => {
            return Err(Answer::error(400, "the request body could not be read").closing());
        }
        Err(_) => {
            return Err(Answer::error(
                408,
                &format!(
                    "the request body did not arrive within {} s",
                    BODY_TIMEOUT.as_secs()
                ),
            )
            .closing());
        }
    };
    String::from_utf8(collected.to_vec())
        .map_err(|_| Answer::error(400, "the request body is not UTF-8"))
}

/// The member the request's cookie names.
fn member_of(headers: &HeaderMap, shared: &Shared) -> Option<(String, Member)> {
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().strip_prefix(COOKIE)?.strip_prefix('='))
        .next()?
        .to_owned();
    let member = shared.roster.lock().get(&token)?.clone();
    Some((token, member))
}

async fn join(headers: &HeaderMap, shared: &Arc<Shared>, body: &str) -> Answer {
    let Some(typed) = form_value(body, "name") else {
        return Answer::error(400, "send name=YOUR NAME");
    };
    let name = match audience::clean_name(&typed) {
        Ok(name) => name,
        Err(why) => return Answer::error(400, why),
    };
    if let Some((_, member)) = member_of(headers, shared) {
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
    match world
        .join_audience(member.partition, member.id, joined)
        .await
    {
        InTree::Done(Ok(pid)) => {
            shared.roster.lock().set_pid(&token, Some(pid));
            member.pid = Some(pid);
            welcome(&member)
        }
        // The tree gave up and comes back in a moment: the member is in,
        // and its process starts with the others.
        InTree::NoTree | InTree::Done(Err(_)) if shared.audience_down.load(Ordering::SeqCst) => {
            welcome(&member)
        }
        InTree::NoTree => {
            shared.roster.lock().remove(&token);
            Answer::error(503, "the audience tree is not running")
        }
        InTree::Done(Err(why)) => {
            shared.roster.lock().remove(&token);
            Answer::error(503, &format!("could not start your process: {why}"))
        }
    }
}

async fn crash(headers: &HeaderMap, shared: &Arc<Shared>) -> Answer {
    let Some((token, member)) = member_of(headers, shared) else {
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
    match world.crash_in_audience(member.partition, member.id).await {
        InTree::Done(Ok((pid, count))) => Answer::json(
            200,
            format!(
                "{{\"crashed\":{},\"count\":{count}}}",
                json_string(&pid.to_string())
            ),
        ),
        InTree::Done(Err(why)) => Answer::error(409, &why),
        InTree::NoTree if shared.audience_down.load(Ordering::SeqCst) => {
            let mut answer = Answer::error(
                503,
                "the whole audience tree went down: the stage brings it back in a moment",
            );
            answer
                .headers
                .push(("Retry-After", keeper::RESTART_PAUSE.as_secs().to_string()));
            answer
        }
        InTree::NoTree => Answer::error(503, "the audience tree is not running"),
    }
}

/// A member as its page sees it: all of its process's life so far, so
/// that a page that (re)connects shows where things are now, whatever it
/// missed. `restored` is `null` until the process has read its count back.
pub(super) fn membership_json(member: &Member) -> String {
    let pid = member.pid.map(|p| p.to_string()).unwrap_or_default();
    let restored = member
        .restored
        .map_or_else(|| "null".to_owned(), |n| n.to_string());
    format!(
        "{{\"type\":\"member\",\"member\":true,\"name\":{},\"id\":{},\"partition\":{},\"pid\":{},\"joined\":{},\"restarts\":{},\"restored\":{restored}}}",
        json_string(&member.name),
        json_string(member.id.name()),
        json_string(member.partition),
        json_string(&pid),
        member.joined,
        member.restarts
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
    fn a_membership_carries_the_process_life_so_far() {
        use crate::runtime::Pid;
        let mut roster = audience::Roster::new();
        let joined = roster.add("t1", "Erin", 7);
        assert!(
            membership_json(&joined)
                .ends_with(r#""pid":"","joined":7,"restarts":0,"restored":null}"#)
        );
        roster.set_pid("t1", Some(Pid::from_number(57)));
        roster.set_restored("t1", 2);
        let back = roster.set_pid("t1", Some(Pid::from_number(58))).unwrap();
        let json: serde_json::Value = serde_json::from_str(&membership_json(&back)).unwrap();
        assert_eq!(json["pid"], back.pid.unwrap().to_string());
        assert_eq!(json["restarts"], 1);
        assert_eq!(json["restored"], 2);
        assert_eq!(json["partition"], "E-K");
    }

    #[test]
    fn the_qr_code_is_of_the_host_asked_for_and_only_a_plain_one() {
        let with_host = |host: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, HeaderValue::from_str(host).unwrap());
            join_qr(&headers)
        };
        let answer = with_host("192.168.1.20:8080");
        assert_eq!((answer.status, answer.content_type), (200, "image/svg+xml"));
        let expected = super::super::qr::svg_qr("http://192.168.1.20:8080/join").unwrap();
        assert_eq!(answer.body, expected.as_bytes());
        assert_eq!(with_host("[::1]:8080").status, 200);
        assert_eq!(with_host("evil.example/\"><script>").status, 400);
        assert_eq!(join_qr(&HeaderMap::new()).status, 400);
    }

    #[test]
    fn json_strings_are_inert() {
        assert_eq!(json_string("a\"b"), r#""a\"b""#);
        assert_eq!(json_string("</script>"), r#""\u003c/script\u003e""#);
        assert_eq!(json_string("\n"), r#""\u000a""#);
    }
}
