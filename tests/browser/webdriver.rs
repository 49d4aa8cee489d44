//! A small blocking WebDriver client: just what the browser tests use, over
//! chromedriver's HTTP protocol (W3C WebDriver), with ureq.
//!
//! chromedriver is started on a free loopback port and headless Chromium
//! with a fresh profile and the flags that keep it off the network
//! (no background networking, no component updates, no sync).

use serde_json::{Value, json};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Driver {
    process: Child,
    base: String,
    profiles: Vec<PathBuf>,
}

pub struct Browser<'a> {
    driver: &'a Driver,
    session: String,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn binary(name: &str) -> PathBuf {
    let usr = Path::new("/usr/bin").join(name);
    if usr.is_file() {
        return usr;
    }
    PathBuf::from(name)
}

impl Driver {
    pub fn start() -> Driver {
        let port = free_port();
        let process = Command::new(binary("chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let driver = Driver {
            process,
            base: format!("http://127.0.0.1:{port}"),
            profiles: Vec::new(),
        };
        let until = Instant::now() + Duration::from_secs(10);
        while ureq::get(&format!("{}/status", driver.base))
            .call()
            .is_err()
        {
            assert!(Instant::now() < until, "chromedriver did not answer");
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }

    /// A new headless browser with a fresh profile (its own cookies).
    pub fn browser(&mut self) -> Browser<'_> {
        let profile = std::env::temp_dir().join(format!(
            "letitcrash-chromium-{}-{}",
            std::process::id(),
            free_port()
        ));
        std::fs::create_dir_all(&profile).unwrap();
        self.profiles.push(profile.clone());
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1280,900",
        ];
        let mut args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({
            "capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": binary("chromium").display().to_string(),
                    "args": args,
                }
            }}
        });
        let answer: Value = ureq::post(&format!("{}/session", self.base))
            .send_json(capabilities)
            .expect("a browser session")
            .into_json()
            .unwrap();
        let session = answer["value"]["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        Browser {
            driver: self,
            session,
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        for profile in &self.profiles {
            let _ = std::fs::remove_dir_all(profile);
        }
    }
}

impl Browser<'_> {
    fn url(&self, path: &str) -> String {
        format!("{}/session/{}{path}", self.driver.base, self.session)
    }

    fn post(&self, path: &str, body: Value) -> Value {
        let answer = ureq::post(&self.url(path)).send_json(body);
        match answer {
            Ok(response) => response.into_json::<Value>().unwrap()["value"].clone(),
            Err(ureq::Error::Status(code, response)) => {
                panic!(
                    "WebDriver {path}: {code} {}",
                    response.into_string().unwrap_or_default()
                )
            }
            Err(error) => panic!("WebDriver {path}: {error}"),
        }
    }

    pub fn goto(&self, url: &str) {
        self.post("/url", json!({ "url": url }));
    }

    /// Runs `script` in the page (with `arguments`) and returns its value.
    pub fn run(&self, script: &str, args: Value) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
    }

    /// Polls `script` until it returns something truthy (at most `limit`).
    pub fn wait_for(&self, what: &str, script: &str, args: Value, limit: Duration) -> Value {
        let until = Instant::now() + limit;
        loop {
            let value = self.run(script, args.clone());
            let truthy =
                !matches!(&value, Value::Null | Value::Bool(false)) && value.as_str() != Some("");
            if truthy {
                return value;
            }
            assert!(Instant::now() < until, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Clicks the element matching `css`.
    pub fn click(&self, css: &str) {
        let found = self.post("/element", json!({"using": "css selector", "value": css}));
        let id = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect("an element")
            .to_owned();
        self.post(&format!("/element/{id}/click"), json!({}));
    }

    /// Types `text` into the element matching `css`.
    pub fn type_into(&self, css: &str, text: &str) {
        let found = self.post("/element", json!({"using": "css selector", "value": css}));
        let id = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect("an element")
            .to_owned();
        self.post(&format!("/element/{id}/value"), json!({ "text": text }));
    }

    /// A PNG screenshot of the window, saved to `path`.
    pub fn screenshot(&self, path: &Path) {
        let answer = ureq::get(&self.url("/screenshot"))
            .call()
            .expect("a screenshot");
        let value: Value = answer.into_json().unwrap();
        let png = decode_base64(value["value"].as_str().expect("base64"));
        std::fs::write(path, png).expect("write the screenshot");
    }
}

impl Drop for Browser<'_> {
    fn drop(&mut self) {
        let _ = ureq::delete(&format!("{}/session/{}", self.driver.base, self.session)).call();
    }
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | (u32::from(d) << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}

impl Browser<'_> {
    /// Sets the window's outer size, in CSS pixels.
    pub fn set_window_size(&self, width: u32, height: u32) {
        self.post("/window/rect", json!({ "width": width, "height": height }));
    }

    /// Runs a Chrome DevTools Protocol command in the page's target,
    /// through chromedriver's `goog/cdp/execute`.
    pub fn cdp(&self, command: &str, params: Value) -> Value {
        self.post(
            "/goog/cdp/execute",
            json!({ "cmd": command, "params": params }),
        )
    }

    /// Chromium's mobile emulation, as DevTools' device mode does it: a
    /// viewport `width` x `height` CSS pixels at twice the density, a
    /// mobile layout (the page's viewport meta tag honoured) and touch
    /// input. Lasts for the session; set it before loading the page.
    pub fn emulate_phone(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({
                "width": width,
                "height": height,
                "deviceScaleFactor": 2,
                "mobile": true,
                "screenWidth": width,
                "screenHeight": height,
            }),
        );
        self.cdp(
            "Emulation.setTouchEmulationEnabled",
            json!({ "enabled": true, "maxTouchPoints": 5 }),
        );
    }

    /// Makes the page's viewport exactly `width` x `height` CSS pixels at
    /// one device pixel each (Chromium's device metrics override), whatever
    /// the window: a projector's resolution, in a headless window.
    pub fn set_viewport(&self, width: u32, height: u32) {
        self.post(
            "/goog/cdp/execute",
            json!({
                "cmd": "Emulation.setDeviceMetricsOverride",
                "params": {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false},
            }),
        );
    }
}
