//! `--public`: the LAN address to bind, and the join URL as a QR code: for
//! the terminal, so the room can scan it off the projected REPL, and as
//! SVG for the projector page (`/qr.svg`), where it stays on screen.

use qrcode::{EcLevel, QrCode};
use std::net::{IpAddr, UdpSocket};

/// This machine's address on the local network: the source address the
/// kernel picks for a route out. A UDP `connect` sends nothing, so this
/// works on a venue network with no Internet behind it.
pub fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

/// `text` as a QR code drawn with half-block characters (two modules per
/// character cell), dark on light with a quiet zone, so phones read it off
/// a dark terminal too.
pub fn terminal_qr(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let dark = |x: isize, y: isize| {
        x >= 0
            && y >= 0
            && (x as usize) < width
            && (y as usize) < width
            && code[(x as usize, y as usize)] == qrcode::Color::Dark
    };
    let quiet = 2isize;
    let size = width as isize;
    let mut out = String::new();
    let mut y = -quiet;
    while y < size + quiet {
        for x in -quiet..size + quiet {
            // Light modules are drawn as blocks: the code is inverted on a
            // dark terminal, which scanners accept.
            out.push(match (dark(x, y), dark(x, y + 1)) {
                (false, false) => '█',
                (false, true) => '▀',
                (true, false) => '▄',
                (true, true) => ' ',
            });
        }
        out.push('\n');
        y += 2;
    }
    Some(out)
}

/// `text` as an SVG QR code: dark modules on a light square with a quiet
/// zone of four modules, one path, scaled by whoever shows it.
pub fn svg_qr(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let quiet = 4;
    let side = width + 2 * quiet;
    let mut path = String::new();
    for y in 0..width {
        for x in 0..width {
            if code[(x, y)] == qrcode::Color::Dark {
                path.push_str(&format!("M{},{}h1v1h-1z", x + quiet, y + quiet));
            }
        }
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" shape-rendering="crispEdges"><rect width="{side}" height="{side}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_code_has_its_modules_and_a_quiet_zone() {
        let svg = svg_qr("http://192.168.1.20:8080/join").expect("encodes");
        let terminal = terminal_qr("http://192.168.1.20:8080/join").unwrap();
        // The terminal drawing has a two-module quiet zone, this one four.
        let modules = terminal.lines().next().unwrap().chars().count() - 4;
        let side = modules + 8;
        assert!(
            svg.contains(&format!(r#"viewBox="0 0 {side} {side}""#)),
            "{svg}"
        );
        assert!(svg.matches("h1v1h-1z").count() > modules, "{svg}");
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn a_url_becomes_a_square_block_drawing() {
        let qr = terminal_qr("http://192.168.1.20:8080/join").expect("encodes");
        let lines: Vec<&str> = qr.lines().collect();
        let width = lines[0].chars().count();
        assert!(width >= 25, "{width}");
        assert!(lines.iter().all(|l| l.chars().count() == width));
        assert_eq!(lines.len(), width.div_ceil(2));
    }
}
