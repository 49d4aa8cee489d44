//! The pages, styles and scripts, compiled into the binary: a venue's
//! Wi-Fi may reach nothing but this laptop, so nothing is fetched from any
//! other host, and nothing is read from the file system at run time. Only
//! these paths are served.

/// One embedded file.
pub struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: &'static str,
}

pub const ASSETS: &[Asset] = &[
    Asset {
        path: "/",
        content_type: "text/html; charset=utf-8",
        body: include_str!("assets/projector.html"),
    },
    Asset {
        path: "/join",
        content_type: "text/html; charset=utf-8",
        body: include_str!("assets/join.html"),
    },
    Asset {
        path: "/stage.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("assets/stage.css"),
    },
    Asset {
        path: "/phone.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("assets/phone.css"),
    },
    Asset {
        path: "/projector.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("assets/projector.css"),
    },
    Asset {
        path: "/hall.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("assets/hall.js"),
    },
    Asset {
        path: "/projector.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("assets/projector.js"),
    },
    Asset {
        path: "/join.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("assets/join.js"),
    },
];

/// The embedded file at `path`, if there is one.
pub fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|asset| asset.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_load_nothing_from_other_hosts() {
        for asset in ASSETS {
            for needle in ["http://", "https://", "//cdn", "@import"] {
                let body = asset.body.replace("http://www.w3.org/2000/svg", "");
                assert!(!body.contains(needle), "{} has {needle}", asset.path);
            }
        }
        assert!(find("/../Cargo.toml").is_none());
    }
}
