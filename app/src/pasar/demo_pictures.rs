//! Drawn "photos" of the demo market's products, so a visitor sees a batik cloth, a woven bamboo tray,
//! coffee beans or a jar of honey rather than an abstract pattern. Each is drawn procedurally (no image
//! files to ship), encoded as a phone's JPEG and sent through the same photo pipeline as an upload.
//!
//! The drawings aim for "a product on a table, photographed from above": a surface (wood, burlap, a
//! banana leaf), the object with light from the top left and a soft shadow, and a little grain so flat
//! colours do not look like a diagram.

use image::{Rgb, RgbImage};

/// What a product photo shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// Folded batik cloth with a motif (kawung or parang), for cloth, scarves, shirts and sarongs.
    BatikCloth { parang: bool },
    /// A round tray of woven bamboo strips, for baskets, food covers, boxes and lamps.
    WovenBamboo,
    /// Roasted coffee beans on burlap.
    CoffeeBeans,
    /// A glass jar of honey (or syrup) with a lid and a label.
    HoneyJar,
    /// Palm sugar blocks on a banana leaf.
    PalmSugar,
    /// Snacks on a plate (chips, cakes, dried banana).
    Snacks,
    /// A carved, painted Barong mask on wood.
    Mask,
    /// A carved wooden panel or object.
    Carving,
    /// A framed painting of Ijen at sunrise, midday or dusk (glass paintings, prints, postcards).
    Painting,
}

impl Subject {
    /// The subject of a demo product, from the words of its address and its category.
    pub fn of_product(slug: &str, category: &str) -> Subject {
        let has = |words: &[&str]| words.iter().any(|word| slug.contains(word));
        if has(&["madu", "propolis", "sirup", "sarang", "lilin"]) {
            Subject::HoneyJar
        } else if has(&["gula-aren", "gula-semut", "aren"]) {
            Subject::PalmSugar
        } else if has(&["kopi", "arabika", "robusta", "lanang", "drip"]) {
            Subject::CoffeeBeans
        } else if has(&[
            "bambu",
            "anyam",
            "besek",
            "keranjang",
            "tudung",
            "tisu",
            "lampu",
        ]) {
            Subject::WovenBamboo
        } else if has(&["topeng", "barong-osing", "omprok"]) {
            Subject::Mask
        } else if has(&["ukir", "kayu", "patung", "gantungan", "nampan"]) {
            Subject::Carving
        } else if has(&["lukis", "poster", "kartu", "cermin"]) {
            Subject::Painting
        } else if has(&["parang", "sarung", "udeng", "tenun"]) {
            Subject::BatikCloth { parang: true }
        } else {
            match category {
                "batik_kain" | "fashion" => Subject::BatikCloth { parang: false },
                "kerajinan" => Subject::WovenBamboo,
                "kopi_hasil_bumi" => Subject::CoffeeBeans,
                "makanan_olahan" => Subject::Snacks,
                _ => Subject::Painting,
            }
        }
    }
}

type Colour = [f32; 3];

fn rgb(colour: Colour) -> Rgb<u8> {
    Rgb(colour.map(|channel| channel.clamp(0.0, 255.0) as u8))
}

fn mix(a: Colour, b: Colour, t: f32) -> Colour {
    let t = t.clamp(0.0, 1.0);
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

fn scale(colour: Colour, factor: f32) -> Colour {
    colour.map(|channel| channel * factor)
}

/// A repeatable pseudo-random number in 0..1 for integer coordinates and a seed.
fn hash(x: u32, y: u32, seed: u32) -> f32 {
    let mut h = x
        .wrapping_mul(374_761_393)
        .wrapping_add(y.wrapping_mul(668_265_263))
        .wrapping_add(seed.wrapping_mul(2_147_483_647));
    h = (h ^ (h >> 13)).wrapping_mul(1_274_126_177);
    h ^= h >> 16;
    (h & 0xffff) as f32 / 65_535.0
}

/// A small deterministic generator for placing things (beans, chips).
struct Scatter(u64);

impl Scatter {
    fn next(&mut self) -> f32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as f32) / (u32::MAX >> 1) as f32
    }
}

struct Canvas {
    image: RgbImage,
    seed: u32,
}

impl Canvas {
    fn new(width: u32, height: u32, seed: u32) -> Canvas {
        Canvas {
            image: RgbImage::new(width, height),
            seed,
        }
    }

    fn width(&self) -> f32 {
        self.image.width() as f32
    }

    fn height(&self) -> f32 {
        self.image.height() as f32
    }

    /// Paints every pixel of a box (clipped to the picture) for which `paint` answers a colour; `paint`
    /// gets the pixel's centre and its current colour.
    fn paint(
        &mut self,
        (left, top, right, bottom): (f32, f32, f32, f32),
        paint: impl Fn(f32, f32, Colour) -> Option<Colour>,
    ) {
        let x0 = left.max(0.0) as u32;
        let y0 = top.max(0.0) as u32;
        let x1 = (right.ceil().max(0.0) as u32).min(self.image.width());
        let y1 = (bottom.ceil().max(0.0) as u32).min(self.image.height());
        for y in y0..y1 {
            for x in x0..x1 {
                let pixel = self.image.get_pixel_mut(x, y);
                let current = pixel.0.map(f32::from);
                if let Some(colour) = paint(x as f32 + 0.5, y as f32 + 0.5, current) {
                    *pixel = rgb(colour);
                }
            }
        }
    }

    fn everywhere(&mut self, paint: impl Fn(f32, f32, Colour) -> Option<Colour>) {
        let bounds = (0.0, 0.0, self.width(), self.height());
        self.paint(bounds, paint);
    }

    /// Film-like grain and a soft vignette, last.
    fn finish(mut self) -> RgbImage {
        let (width, height) = (self.width(), self.height());
        let seed = self.seed;
        self.everywhere(|x, y, colour| {
            let (dx, dy) = (x / width - 0.5, y / height - 0.5);
            let vignette = 1.0 - 0.35 * (dx * dx + dy * dy);
            let grain = (hash(x as u32, y as u32, seed) - 0.5) * 10.0;
            Some(scale(colour, vignette).map(|channel| channel + grain))
        });
        self.image
    }
}

/// A wooden table seen from above: planks with grain.
fn wood_table(canvas: &mut Canvas, base: Colour) {
    let seed = canvas.seed;
    let plank = canvas.height() / 4.0;
    canvas.everywhere(|x, y, _| {
        let board = (y / plank).floor();
        let within = (y / plank).fract();
        let grain = (x * 0.012 + (y * 0.09 + board * 7.0).sin() * 2.5 + board * 3.0).sin();
        let seam = if within < 0.012 { 0.55 } else { 1.0 };
        let tone = 0.9 + 0.08 * grain + 0.06 * hash(board as u32, 0, seed);
        Some(scale(base, tone * seam))
    });
}

/// A soft shadow of an ellipse, down and to the right of the object.
fn shadow(canvas: &mut Canvas, centre: (f32, f32), radii: (f32, f32)) {
    let (cx, cy) = (centre.0 + radii.0 * 0.06, centre.1 + radii.1 * 0.08);
    let (rx, ry) = (radii.0 * 1.08, radii.1 * 1.08);
    canvas.paint((cx - rx, cy - ry, cx + rx, cy + ry), |x, y, colour| {
        let d = ((x - cx) / rx).powi(2) + ((y - cy) / ry).powi(2);
        (d < 1.0).then(|| scale(colour, 0.55 + 0.45 * d))
    });
}

fn batik_cloth(canvas: &mut Canvas, ground: Colour, motif: Colour, parang: bool) {
    wood_table(canvas, [150.0, 108.0, 70.0]);
    let (width, height) = (canvas.width(), canvas.height());
    // The cloth lies folded: a large panel, and the folded-over part with its edge on a diagonal.
    let (left, top, right, bottom) = (width * 0.08, height * 0.06, width * 0.94, height * 0.9);
    shadow(
        canvas,
        ((left + right) / 2.0, (top + bottom) / 2.0),
        ((right - left) / 1.9, (bottom - top) / 1.9),
    );
    let period = width / 9.0;
    canvas.paint((left, top, right, bottom), |x, y, _| {
        // The fabric's soft waves shift the motif a little, as cloth does.
        let (u, v) = (x + (y * 0.02).sin() * 6.0, y + (x * 0.015).sin() * 6.0);
        let on_motif = if parang {
            // Parang: diagonal bands with a wavy edge, and a line of dots between them.
            let t =
                (u + v) / period + 0.18 * ((v - u) / period * std::f32::consts::TAU * 0.5).sin();
            let band = t.fract();
            band < 0.38 || (0.6..0.66).contains(&band) && ((v - u) / (period * 0.18)).fract() < 0.5
        } else {
            // Kawung: four oval petals (palm fruits cut open) around each crossing, set on the
            // diagonals, each with a dark seed near its tip; a small cross where four meet.
            let (cx, cy) = ((u % period) - period / 2.0, (v % period) - period / 2.0);
            let (a, b) = (period * 0.3, period * 0.17);
            let diagonal = std::f32::consts::FRAC_1_SQRT_2;
            let mut on = false;
            for (sx, sy) in [(1.0_f32, 1.0_f32), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0)] {
                // Along the petal's diagonal and across it, from the petal's centre.
                let (px, py) = (cx - sx * a * 0.95 * diagonal, cy - sy * a * 0.95 * diagonal);
                let along = (px * sx + py * sy) * diagonal;
                let across = (-px * sy + py * sx) * diagonal;
                let inside = (along / a).powi(2) + (across / b).powi(2) < 1.0;
                let seed_dot =
                    ((along + a * 0.55) / (b * 0.35)).powi(2) + (across / (b * 0.35)).powi(2) < 1.0;
                if inside && !seed_dot {
                    on = true;
                }
            }
            let cross = (cx.abs() < period * 0.03 || cy.abs() < period * 0.03)
                && cx.abs().max(cy.abs()) < period * 0.09;
            on || cross
        };
        // Isen: the fine dots batik tulis fills its ground with.
        let isen = ((u / 9.0).fract() < 0.3) && ((v / 9.0).fract() < 0.3);
        let mut colour = if on_motif {
            motif
        } else if isen {
            mix(ground, motif, 0.25)
        } else {
            ground
        };
        // The folded-over part is lit a little more; its edge casts a thin shadow.
        let fold = (x - left) * 0.55 + (y - top) - (bottom - top) * 0.55;
        if fold < 0.0 {
            colour = scale(colour, 1.08);
        } else if fold < 14.0 {
            colour = scale(colour, 0.7 + fold / 50.0);
        }
        // Wrinkles: gentle light and dark ridges.
        let wrinkle = 1.0 + 0.05 * ((x * 0.01 + y * 0.004).sin() * (y * 0.013).cos());
        Some(scale(colour, wrinkle))
    });
}

fn woven_bamboo(canvas: &mut Canvas) {
    wood_table(canvas, [92.0, 60.0, 40.0]);
    let (width, height) = (canvas.width(), canvas.height());
    let (cx, cy) = (width / 2.0, height / 2.0);
    let radius = height * 0.44;
    shadow(canvas, (cx, cy), (radius, radius));
    let strip = radius / 7.0;
    let straw: Colour = [222.0, 186.0, 120.0];
    let seed = canvas.seed;
    canvas.paint(
        (cx - radius, cy - radius, cx + radius, cy + radius),
        |x, y, _| {
            let d = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
            if d > radius {
                return None;
            }
            if d > radius * 0.9 {
                // The rim: a bound ring of darker split bamboo.
                let ring = ((d - radius * 0.9) / (radius * 0.1) * std::f32::consts::PI).sin();
                return Some(scale([176.0, 130.0, 70.0], 0.75 + 0.3 * ring));
            }
            // Over-under weave: in each cell, the horizontal or the vertical strip is on top.
            let (i, j) = ((x / strip).floor() as i32, (y / strip).floor() as i32);
            let (fx, fy) = ((x / strip).fract(), (y / strip).fract());
            let horizontal_on_top = (i + j).rem_euclid(2) == 0;
            let across = if horizontal_on_top { fy } else { fx };
            // A rounded strip: lighter in its middle, dark in the gaps between strips.
            let gap = !(0.06..0.94).contains(&across);
            let roundness = 1.0 - (across - 0.5).abs() * 0.7;
            let streak = 0.95 + 0.08 * hash(i as u32, j as u32, seed);
            let tone = if horizontal_on_top { 1.0 } else { 0.9 };
            let colour = scale(
                straw,
                roundness * streak * tone * (0.85 + 0.15 * (1.0 - d / radius)),
            );
            Some(if gap { scale(colour, 0.45) } else { colour })
        },
    );
}

fn coffee_beans(canvas: &mut Canvas) {
    let seed = canvas.seed;
    // Burlap: a coarse cross weave.
    canvas.everywhere(|x, y, _| {
        let warp = ((x * 0.35).sin() * 0.5 + 0.5) * 0.12;
        let weft = ((y * 0.35).sin() * 0.5 + 0.5) * 0.12;
        let fibre = hash((x / 3.0) as u32, (y / 3.0) as u32, seed) * 0.1;
        Some(scale([184.0, 150.0, 104.0], 0.8 + warp + weft + fibre))
    });
    let (width, height) = (canvas.width(), canvas.height());
    let mut place = Scatter(u64::from(seed) + 7);
    let bean_length = width / 11.0;
    // Piled in the middle, scattered towards the edges.
    for _ in 0..170 {
        let spread = place.next();
        let angle_to = place.next() * std::f32::consts::TAU;
        let reach = spread.powf(0.7) * 0.55;
        let cx = width / 2.0 + angle_to.cos() * reach * width * 0.75;
        let cy = height / 2.0 + angle_to.sin() * reach * height * 0.8;
        let turn = place.next() * std::f32::consts::PI;
        let roast = 0.75 + place.next() * 0.35;
        let (a, b) = (bean_length / 2.0, bean_length / 3.1);
        let (sin, cos) = turn.sin_cos();
        canvas.paint((cx - a, cy - a, cx + a, cy + a), |x, y, colour| {
            let (dx, dy) = (x - cx, y - cy);
            let (along, side) = (dx * cos + dy * sin, -dx * sin + dy * cos);
            let d = (along / a).powi(2) + (side / b).powi(2);
            if d > 1.0 {
                // A little shadow beside each bean.
                let shadow = ((along - a * 0.1) / a).powi(2) + ((side - b * 0.25) / b).powi(2);
                return (shadow < 1.15).then(|| scale(colour, 0.8));
            }
            // The crease: an S-curve along the bean's length.
            let crease =
                (side - (along / a * std::f32::consts::PI).sin() * b * 0.12).abs() < b * 0.09;
            let light = 1.15 - 0.5 * d - 0.25 * ((dx + dy) / (a * 2.0));
            let base: Colour = [92.0, 52.0, 26.0];
            Some(if crease {
                scale(base, 0.45 * roast)
            } else {
                scale(base, light * roast)
            })
        });
    }
}

fn honey_jar(canvas: &mut Canvas, amber: Colour) {
    wood_table(canvas, [196.0, 160.0, 118.0]);
    let (width, height) = (canvas.width(), canvas.height());
    // A plain wall behind the upper part, for a side view.
    canvas.paint((0.0, 0.0, width, height * 0.58), |_, y, _| {
        Some(mix(
            [238.0, 230.0, 214.0],
            [214.0, 200.0, 180.0],
            y / (height * 0.58),
        ))
    });
    let (cx, jar_width) = (width / 2.0, width * 0.3);
    let (top, bottom) = (height * 0.26, height * 0.88);
    shadow(
        canvas,
        (cx + jar_width * 0.2, bottom - height * 0.02),
        (jar_width * 0.65, height * 0.05),
    );
    let corner = jar_width * 0.18;
    canvas.paint(
        (cx - jar_width / 2.0, top, cx + jar_width / 2.0, bottom),
        |x, y, _| {
            let (dx, dy) = ((x - cx).abs(), y);
            // Rounded shoulders and base.
            let inside_x = jar_width / 2.0 - corner;
            let corner_y = if dy < top + corner {
                Some(top + corner)
            } else if dy > bottom - corner {
                Some(bottom - corner)
            } else {
                None
            };
            if let Some(corner_y) = corner_y {
                if dx > inside_x
                    && (dx - inside_x).powi(2) + (dy - corner_y).powi(2) > corner * corner
                {
                    return None;
                }
            }
            let across = (x - (cx - jar_width / 2.0)) / jar_width;
            // Honey: darker at the edges (more glass and honey to see through), a bright highlight.
            let depth = 1.0 - (across - 0.5).abs() * 0.9;
            let mut colour = scale(amber, 0.55 + 0.5 * depth);
            if (0.16..0.22).contains(&across) {
                colour = mix(colour, [255.0, 248.0, 225.0], 0.65);
            }
            // The label: cream paper with a brown band.
            let label = (top + (bottom - top) * 0.38..top + (bottom - top) * 0.72).contains(&y);
            if label {
                let band = (top + (bottom - top) * 0.5..top + (bottom - top) * 0.58).contains(&y);
                colour = if band {
                    scale([120.0, 70.0, 30.0], 0.8 + 0.3 * depth)
                } else {
                    scale([244.0, 232.0, 200.0], 0.8 + 0.25 * depth)
                };
            }
            Some(colour)
        },
    );
    // The lid, with ridges.
    let lid_top = top - height * 0.07;
    canvas.paint(
        (
            cx - jar_width * 0.4,
            lid_top,
            cx + jar_width * 0.4,
            top + 4.0,
        ),
        |x, _, _| {
            let across = (x - (cx - jar_width * 0.4)) / (jar_width * 0.8);
            let ridge = 0.85 + 0.15 * (across * 60.0).sin();
            Some(scale(
                [176.0, 140.0, 40.0],
                ridge * (1.1 - (across - 0.4).abs()),
            ))
        },
    );
}

fn palm_sugar(canvas: &mut Canvas) {
    let seed = canvas.seed;
    let (width, height) = (canvas.width(), canvas.height());
    // A banana leaf: green with parallel veins from a midrib.
    canvas.everywhere(|x, y, _| {
        let midrib = (y - height * 0.5 - (x / width - 0.5) * height * 0.2).abs();
        let vein = ((x + midrib * 0.8) * 0.08).sin() * 0.5 + 0.5;
        let base = if midrib < height * 0.012 {
            [170.0, 190.0, 110.0]
        } else {
            [60.0, 120.0, 50.0]
        };
        Some(scale(
            base,
            0.85 + 0.12 * vein + 0.05 * hash(x as u32 / 4, y as u32 / 4, seed),
        ))
    });
    let mut place = Scatter(u64::from(seed) + 3);
    let radius = height * 0.16;
    for (cx, cy) in [
        (0.3, 0.35),
        (0.55, 0.3),
        (0.78, 0.42),
        (0.4, 0.68),
        (0.66, 0.7),
    ] {
        let (cx, cy) = (
            cx * width + place.next() * 20.0,
            cy * height + place.next() * 20.0,
        );
        shadow(canvas, (cx, cy), (radius, radius * 0.9));
        canvas.paint(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            |x, y, _| {
                let d = ((x - cx).powi(2) + ((y - cy) / 0.9).powi(2)).sqrt() / radius;
                if d > 1.0 {
                    return None;
                }
                // A block cast in half a coconut shell: domed, with a lighter rim of crystals.
                let dome = 1.15 - 0.45 * d * d - 0.2 * ((x - cx + y - cy) / (radius * 2.0));
                let rim = if d > 0.9 { 1.15 } else { 1.0 };
                let sparkle = 0.9 + 0.2 * hash(x as u32, y as u32, seed + 1);
                Some(scale([132.0, 72.0, 30.0], dome * rim * sparkle))
            },
        );
    }
}

fn snacks(canvas: &mut Canvas, chip: Colour) {
    wood_table(canvas, [120.0, 84.0, 56.0]);
    let (width, height) = (canvas.width(), canvas.height());
    let (cx, cy, radius) = (width / 2.0, height / 2.0, height * 0.45);
    shadow(canvas, (cx, cy), (radius, radius));
    // A white plate with a rim.
    canvas.paint(
        (cx - radius, cy - radius, cx + radius, cy + radius),
        |x, y, _| {
            let d = ((x - cx).powi(2) + (y - cy).powi(2)).sqrt() / radius;
            (d <= 1.0).then(|| {
                let rim = if d > 0.82 {
                    0.92 + 0.08 * ((d - 0.82) * 30.0).cos()
                } else {
                    1.0
                };
                scale([246.0, 244.0, 238.0], rim * (1.0 - 0.08 * d))
            })
        },
    );
    let seed = canvas.seed;
    let mut place = Scatter(u64::from(seed) + 11);
    let size = radius * 0.2;
    for _ in 0..34 {
        let angle = place.next() * std::f32::consts::TAU;
        let reach = place.next().sqrt() * radius * 0.62;
        let (x0, y0) = (cx + angle.cos() * reach, cy + angle.sin() * reach);
        let (stretch, turn, tone) = (
            0.6 + place.next() * 0.4,
            place.next() * std::f32::consts::PI,
            0.85 + place.next() * 0.25,
        );
        let (sin, cos) = turn.sin_cos();
        canvas.paint(
            (x0 - size, y0 - size, x0 + size, y0 + size),
            |x, y, colour| {
                let (dx, dy) = (x - x0, y - y0);
                let (along, side) = (dx * cos + dy * sin, -dx * sin + dy * cos);
                // A chip: a slightly wavy disc, toasted at its edge.
                let wobble = 1.0 + 0.08 * (along.atan2(side) * 5.0).sin();
                let d =
                    ((along / size).powi(2) + (side / (size * stretch)).powi(2)).sqrt() / wobble;
                if d > 1.0 {
                    return (d < 1.12).then(|| scale(colour, 0.85));
                }
                let toasted = if d > 0.8 { 0.8 } else { 1.0 };
                Some(scale(chip, tone * toasted * (1.05 - 0.15 * d)))
            },
        );
    }
}

fn mask(canvas: &mut Canvas) {
    wood_table(canvas, [70.0, 45.0, 30.0]);
    let (width, height) = (canvas.width(), canvas.height());
    let (cx, cy) = (width / 2.0, height * 0.52);
    let (rx, ry) = (height * 0.3, height * 0.38);
    shadow(canvas, (cx, cy), (rx, ry));
    canvas.paint(
        (cx - rx * 1.5, cy - ry * 1.4, cx + rx * 1.5, cy + ry),
        |x, y, _| {
            let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
            let face = dx * dx + dy * dy < 1.0;
            // The golden crown (omprok) above the face, with points.
            let crown_base = dy < -0.55 && dy > -1.35 && dx.abs() < 1.35;
            let points = (dx * 6.0).cos() * 0.2 - 1.15 < dy;
            if !(face || crown_base && points) {
                return None;
            }
            let light = 1.15 - 0.35 * (dx + dy + 1.0) / 2.0;
            if !face {
                let glint = 0.85 + 0.2 * ((dx * 24.0).sin() * (dy * 18.0).sin()).abs();
                return Some(scale([212.0, 160.0, 40.0], light * glint));
            }
            // Eyes: white with black pupils; fangs; a gold moustache line.
            for side in [-1.0_f32, 1.0] {
                let (ex, ey) = (dx - side * 0.38, dy + 0.2);
                let eye = ex * ex / 0.04 + ey * ey / 0.025;
                if eye < 0.35 {
                    return Some([20.0, 15.0, 10.0]);
                }
                if eye < 1.0 {
                    return Some(scale([245.0, 240.0, 225.0], light));
                }
                let (fx, fy) = (dx - side * 0.22, dy - 0.5);
                if fy > 0.0 && fy < 0.28 && fx.abs() < 0.07 * (1.0 - fy / 0.28) {
                    return Some(scale([250.0, 250.0, 240.0], light));
                }
            }
            if (dy - 0.38 - dx * dx * 0.3).abs() < 0.05 {
                return Some(scale([220.0, 170.0, 50.0], light));
            }
            Some(scale([176.0, 30.0, 28.0], light))
        },
    );
}

fn carving(canvas: &mut Canvas) {
    let (width, height) = (canvas.width(), canvas.height());
    wood_table(canvas, [62.0, 40.0, 28.0]);
    let (left, top, right, bottom) = (width * 0.1, height * 0.12, width * 0.9, height * 0.88);
    shadow(
        canvas,
        ((left + right) / 2.0, (top + bottom) / 2.0),
        ((right - left) / 1.9, (bottom - top) / 1.9),
    );
    let teak: Colour = [168.0, 110.0, 60.0];
    let panel_height = bottom - top;
    // Spiral tendrils (sulur) carved as grooves: each spiral's arm is r = pitch × θ around its centre.
    let centres = [
        (0.3, 0.35, 1.0_f32),
        (0.7, 0.35, -1.0),
        (0.5, 0.68, 1.0),
        (0.18, 0.75, -1.0),
        (0.82, 0.75, 1.0),
    ];
    let pitch = panel_height * 0.035;
    canvas.paint((left, top, right, bottom), |x, y, _| {
        let grain = 0.93 + 0.07 * ((y * 0.06 + (x * 0.003).sin() * 9.0).sin());
        let (u, v) = ((x - left) / (right - left), (y - top) / panel_height);
        let border = !(0.04..0.96).contains(&u) || !(0.06..0.94).contains(&v);
        if border {
            return Some(scale(
                teak,
                grain * if u < 0.04 || v < 0.06 { 1.12 } else { 0.85 },
            ));
        }
        let mut relief = 1.0;
        for (sx, sy, turn) in centres {
            let (dx, dy) = (
                x - (left + sx * (right - left)),
                y - (top + sy * panel_height),
            );
            let r = (dx * dx + dy * dy).sqrt();
            if r > panel_height * 0.2 {
                continue;
            }
            let angle = (dy.atan2(dx) * turn).rem_euclid(std::f32::consts::TAU);
            let arm =
                ((r - pitch * angle / std::f32::consts::TAU * 2.0) / (pitch * 2.0)).rem_euclid(1.0);
            // A groove, dark in its depth, with a lit upper-left lip.
            if arm < 0.18 {
                relief = 0.62;
            } else if arm < 0.3 {
                relief = if dx + dy < 0.0 { 1.25 } else { 0.8 };
            }
        }
        Some(scale(teak, grain * relief))
    });
}

/// `variant` picks the hour (sunrise, midday, dusk) and where the sun stands.
fn painting(canvas: &mut Canvas, variant: u32) {
    let (horizon, zenith): (Colour, Colour) = [
        ([250.0, 170.0, 90.0], [120.0, 170.0, 220.0]),
        ([200.0, 225.0, 240.0], [70.0, 140.0, 215.0]),
        ([240.0, 110.0, 80.0], [70.0, 60.0, 130.0]),
    ][variant as usize % 3];
    let sun_x = 0.25 + (variant % 5) as f32 * 0.12;
    let (width, height) = (canvas.width(), canvas.height());
    canvas.everywhere(|_, y, _| {
        Some(mix(
            [236.0, 232.0, 224.0],
            [214.0, 208.0, 198.0],
            y / height,
        ))
    });
    let (left, top, right, bottom) = (width * 0.16, height * 0.1, width * 0.84, height * 0.9);
    shadow(
        canvas,
        ((left + right) / 2.0, (top + bottom) / 2.0),
        ((right - left) / 1.9, (bottom - top) / 1.9),
    );
    let frame = width * 0.035;
    canvas.paint((left, top, right, bottom), |x, y, _| {
        let inner = x > left + frame && x < right - frame && y > top + frame && y < bottom - frame;
        if !inner {
            let bevel = if x - left < frame * 0.5 || y - top < frame * 0.5 {
                1.15
            } else {
                0.85
            };
            return Some(scale([110.0, 64.0, 30.0], bevel));
        }
        let (u, v) = (
            (x - left - frame) / (right - left - 2.0 * frame),
            (y - top - frame) / (bottom - top - 2.0 * frame),
        );
        // Ijen: the sky of the hour, the sun, a blue volcano, green slopes, the sea.
        let sky = mix(horizon, zenith, 1.0 - v * 1.6);
        let sun = ((u - sun_x).powi(2) + (v - 0.28).powi(2)).sqrt() < 0.08;
        let ridge = 0.42 + (u - 0.4).abs() * 0.9 + 0.02 * (u * 40.0).sin();
        let slope = 0.66 + 0.04 * (u * 9.0).sin();
        Some(if v > 0.82 {
            scale(
                [40.0, 110.0, 160.0],
                0.9 + 0.15 * ((u * 60.0 + v * 9.0).sin()),
            )
        } else if v > slope {
            [70.0, 140.0, 60.0]
        } else if v > ridge {
            mix(
                [70.0, 80.0, 130.0],
                [40.0, 50.0, 90.0],
                (u - 0.4).abs() * 2.0,
            )
        } else if sun {
            [255.0, 236.0, 160.0]
        } else {
            sky
        })
    });
}

/// Draws a demo product's "photo" (`variant` varies colours and placement between products).
pub fn draw(subject: Subject, variant: u32, width: u32, height: u32) -> RgbImage {
    let mut canvas = Canvas::new(width, height, variant.wrapping_mul(97).wrapping_add(13));
    let pick = |choices: &[Colour]| choices[variant as usize % choices.len()];
    match subject {
        Subject::BatikCloth { parang } => {
            let (ground, motif) = [
                ([92.0, 52.0, 20.0], [236.0, 204.0, 140.0]),
                ([30.0, 42.0, 92.0], [226.0, 222.0, 206.0]),
                ([140.0, 36.0, 30.0], [244.0, 214.0, 160.0]),
                ([36.0, 72.0, 52.0], [230.0, 200.0, 120.0]),
            ][variant as usize % 4];
            batik_cloth(&mut canvas, ground, motif, parang);
        }
        Subject::WovenBamboo => woven_bamboo(&mut canvas),
        Subject::CoffeeBeans => coffee_beans(&mut canvas),
        Subject::HoneyJar => honey_jar(
            &mut canvas,
            pick(&[
                [214.0, 130.0, 20.0],
                [170.0, 90.0, 16.0],
                [232.0, 168.0, 50.0],
            ]),
        ),
        Subject::PalmSugar => palm_sugar(&mut canvas),
        Subject::Snacks => snacks(
            &mut canvas,
            pick(&[
                [226.0, 176.0, 80.0],
                [200.0, 120.0, 50.0],
                [236.0, 200.0, 110.0],
            ]),
        ),
        Subject::Mask => mask(&mut canvas),
        Subject::Carving => carving(&mut canvas),
        Subject::Painting => painting(&mut canvas, variant),
    }
    canvas.finish()
}

/// [`draw`] as a phone camera's JPEG, for the upload pipeline.
pub fn photo_jpeg(subject: Subject, variant: u32, width: u32, height: u32) -> Vec<u8> {
    crate::media::demo::jpeg(&draw(subject, variant, width, height), 88)
}

/// A shop's static QRIS sticker as a phone would photograph it: a white card, the red QRIS band, the
/// code in the middle. The payload is a real QR code (a demo merchant), so a banking app's scanner
/// reads it as a QR code.
pub fn qris_sticker_jpeg(payload: &str) -> Vec<u8> {
    let (width, height) = (900u32, 1200u32);
    let mut canvas = Canvas::new(width, height, 5);
    canvas.everywhere(|_, y, _| {
        Some(if y < 160.0 {
            [204.0, 30.0, 40.0]
        } else {
            [250.0, 250.0, 250.0]
        })
    });
    if let Ok(code) = qrcode::QrCode::new(payload.as_bytes()) {
        let modules = code.width() as u32;
        let colours = code.to_colors();
        let module = 720 / (modules + 8);
        let side = module * (modules + 8);
        let (ox, oy) = ((width - side) / 2, (height - side) / 2 + 40);
        for row in 0..modules {
            for column in 0..modules {
                if colours[(row * modules + column) as usize] == qrcode::Color::Dark {
                    for y in 0..module {
                        for x in 0..module {
                            canvas.image.put_pixel(
                                ox + (column + 4) * module + x,
                                oy + (row + 4) * module + y,
                                Rgb([10, 10, 10]),
                            );
                        }
                    }
                }
            }
        }
    }
    crate::media::demo::jpeg(&canvas.image, 92)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_get_the_picture_of_what_they_are() {
        assert_eq!(
            Subject::of_product("madu-hutan-ijen", "kopi_hasil_bumi"),
            Subject::HoneyJar
        );
        assert_eq!(
            Subject::of_product("kopi-robusta-gombengsari", "kopi_hasil_bumi"),
            Subject::CoffeeBeans
        );
        assert_eq!(
            Subject::of_product("tudung-saji-bambu", "kerajinan"),
            Subject::WovenBamboo
        );
        assert_eq!(
            Subject::of_product("selendang-gajah-oling", "batik_kain"),
            Subject::BatikCloth { parang: false }
        );
        assert_eq!(
            Subject::of_product("topeng-barong-osing", "seni"),
            Subject::Mask
        );
    }

    /// Not noise: a drawn picture has large areas of near-identical colour (a cloth's ground, a tray's
    /// strips), and each subject is a different picture from the others.
    #[test]
    fn drawings_are_pictures_not_noise() {
        let (width, height) = (320, 240);
        let mut pictures = Vec::new();
        for subject in [
            Subject::BatikCloth { parang: true },
            Subject::WovenBamboo,
            Subject::CoffeeBeans,
            Subject::HoneyJar,
            Subject::Carving,
        ] {
            let picture = draw(subject, 1, width, height);
            // Neighbouring pixels are mostly alike (noise would make them differ everywhere).
            let mut alike = 0;
            let mut pairs = 0;
            for y in 0..height {
                for x in 1..width {
                    let (a, b) = (picture.get_pixel(x - 1, y), picture.get_pixel(x, y));
                    let difference: i32 = (0..3)
                        .map(|c| (i32::from(a[c]) - i32::from(b[c])).abs())
                        .sum();
                    pairs += 1;
                    if difference < 40 {
                        alike += 1;
                    }
                }
            }
            assert!(
                alike * 10 > pairs * 8,
                "{subject:?}: {alike}/{pairs} neighbours alike"
            );
            pictures.push((subject, picture));
        }
        for (index, (subject, a)) in pictures.iter().enumerate() {
            for (other, b) in &pictures[index + 1..] {
                let difference: u64 = a
                    .pixels()
                    .zip(b.pixels())
                    .map(|(p, q)| (0..3).map(|c| u64::from(p[c].abs_diff(q[c]))).sum::<u64>())
                    .sum::<u64>()
                    / u64::from(width * height);
                assert!(difference > 40, "{subject:?} vs {other:?}: {difference}");
            }
        }
    }

    #[test]
    fn the_demo_qris_sticker_scans_after_the_upload_pipeline() {
        let payload =
            "00020101021126610014COM.SMARTKAMPUNG01189360000000000000010215DEMO-BATIK-0001";
        let stored =
            crate::media::process::process_square_code(&qris_sticker_jpeg(payload)).unwrap();
        let (width, height, webp) = stored.variants.last().unwrap();
        let decoded = image::load_from_memory(webp).unwrap().to_luma8();
        assert_eq!((decoded.width(), decoded.height()), (*width, *height));
        let mut prepared = rqrr::PreparedImage::prepare(decoded);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].decode().unwrap().1, payload);
    }
}
