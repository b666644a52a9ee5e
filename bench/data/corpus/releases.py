"""What changes between releases of the same code: line numbers, renamed callers, and, for
browser bundles, chunk hashes, minified names and positions."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import replace

from .model import Exc, Frame
from .rand import stable_hex, stable_int


def line_shift(file: str, release: int) -> int:
    """Lines a file's code has moved by ``release`` (edits above it add up over releases)."""
    return sum(stable_int("shift", file, r) % 9 for r in range(1, release + 1))


def frame_at(frame: Frame, release: int, renames: Mapping[str, str]) -> Frame:
    if not frame.in_app or release == 0:
        return frame
    return replace(
        frame,
        line=frame.line + line_shift(frame.file, release),
        function=renames.get(frame.function, frame.function),
    )


def chain_at(chain: tuple[Exc, ...], release: int, renames: Mapping[str, str]) -> list[Exc]:
    return [
        replace(exc, frames=tuple(frame_at(f, release, renames) for f in exc.frames))
        for exc in chain
    ]


# --- browser bundles -------------------------------------------------------------------------

_CHUNK = string.ascii_uppercase + string.digits
_IDENT = string.ascii_letters


def chunk_hash(company: str, bundle: str, release: int) -> str:
    """esbuild-style content hash of one chunk in one release (``chunk-PGUQKT6S.js``)."""
    n = stable_int("chunk", company, bundle, release)
    out = []
    for _ in range(8):
        n, k = divmod(n, len(_CHUNK))
        out.append(_CHUNK[k])
    return "".join(out)


_VITE = string.ascii_letters + string.digits + "_-"


def vite_hash(company: str, bundle: str, release: int) -> str:
    """Vite 5's content hash of a named chunk: 8 base64url characters (``Cx8_2kPq``)."""
    n = stable_int("vite", company, bundle, release)
    out = []
    for _ in range(8):
        n, k = divmod(n, len(_VITE))
        out.append(_VITE[k])
    return "".join(out)


def chunk_url(company: str, origin: str, bundle: str, release: int) -> str:
    """Where a chunk is served: esbuild/Vite ``/assets/chunk-<HASH>.js``; Next.js
    ``/_next/static/chunks/<name>-<hash>.js`` (companies ``c``, ``h``); Vite 5 with named chunks,
    ``/assets/<Name>-<hash>.js`` (company ``d``); Laravel's Vite plugin, ``/build/assets/``
    (companies ``g``, ``as``)."""
    if company in ("g", "as"):
        return f"{origin}/build/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company in ("m", "bq"):
        # Propshaft (importmap-rails): the module's logical path, an 8-hex digest.
        return f"{origin}/assets/{bundle}-{stable_hex(8, 'propshaft', company, bundle, release)}.js"
    if company in ("n", "aj", "hj", "kg", "kv", "mr"):  # hj: blind71, kg: 96, kv: 101, mr: 117
        # SvelteKit on Vite: /_app/immutable/{chunks,nodes,entry}/<name>.<hash>.js
        folder, _, name = bundle.rpartition("/")
        digest = vite_hash(company, bundle, release)
        return f"{origin}/_app/immutable/{folder or 'chunks'}/{name}.{digest}.js"
    if company == "bh":
        # create-react-app 5 (webpack 5): main.<8 hex>.js, lazy chunks <id>.<8 hex>.chunk.js
        digest = stable_hex(8, "cra", company, bundle, release)
        suffix = "js" if bundle == "main" else "chunk.js"
        return f"{origin}/static/js/{bundle}.{digest}.{suffix}"
    if company in ("bj", "lu", "lv"):  # lu, lv: blind110
        # Vue CLI 5 (webpack 5): js/app.<8 hex>.js, js/chunk-vendors.<8 hex>.js, named
        # lazy chunks js/<webpackChunkName>.<8 hex>.js
        return f"{origin}/js/{bundle}.{stable_hex(8, 'vuecli', company, bundle, release)}.js"
    if company == "ic":  # blind78: a block theme's @wordpress/scripts build/ (no hash in names)
        if bundle == "jquery":
            return f"{origin}/wp-includes/js/jquery/jquery.min.js"
        return f"{origin}/wp-content/themes/allonby/build/{bundle}.js"
    if company in ("o", "hs"):  # hs: blind74
        # webpack 5 as create-react-app configures it: main.<hash>.js, <id>.<hash>.chunk.js
        digest = stable_hex(8, "webpack", company, bundle, release)
        suffix = "js" if bundle == "main" else "chunk.js"
        return f"{origin}/static/js/{bundle}.{digest}.{suffix}"
    if company in ("s", "ak"):
        # Nuxt 3 on Vite: /_nuxt/<name>.<hash>.js
        return f"{origin}/_nuxt/{bundle}.{vite_hash(company, bundle, release)}.js"
    if company in ("fb", "ha", "ki"):  # blind51, blind68, blind97: Nuxt 3, /_nuxt/<name>.<hash>.js
        return f"{origin}/_nuxt/{bundle}.{vite_hash(company, bundle, release)}.js"
    if company == "iq":  # blind82: Nuxt 3.8+ names its chunks by hash alone, /_nuxt/<hash>.js
        return f"{origin}/_nuxt/{vite_hash(company, bundle, release)}.js"
    if company == "ml":  # blind115: Nuxt 3.14, /_nuxt/<hash>.js
        return f"{origin}/_nuxt/{vite_hash(company, bundle, release)}.js"
    if company == "in":  # blind81: electron-vite's renderer under the app's app:// protocol
        return f"{origin}/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company == "ac":
        # React Router 7 on Vite (web) and electron-vite (desktop): /assets/<name>-<hash>.js
        return f"{origin}/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company == "ih":  # blind79: Ionic Angular (webpack) in a Capacitor WebView, main.<16 hex>.js
        return f"{origin}/{bundle}.{stable_hex(16, 'ionic', company, bundle, release)}.js"
    if company in ("ax", "gu"):  # gu: blind66, the same webpack browser builder
        # Angular CLI 16 (webpack): main.<16 hex>.js, lazy chunks <id>.<16 hex>.js
        return f"{origin}/{bundle}.{stable_hex(16, 'ng', company, bundle, release)}.js"
    if company == "gh":  # blind62: Vite 5 with React Router's lazy routes as named chunks
        return f"{origin}/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company == "mu":  # blind118: Vite 5, the entry index-<hash>.js and lazy Svelte routes
        return f"{origin}/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company == "gn":  # blind64: Vite 5 with Vue Router's lazy routes as named chunks
        return f"{origin}/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company == "jo":  # blind90: Vite 5, the entry index-<hash>.js and named lazy routes
        return f"{origin}/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company == "jr":  # blind91: Vite 5, React in the entry index-<hash>.js, one lazy route
        return f"{origin}/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company in ("d", "v", "aq", "av", "aw", "bc", "bn", "br", "bt"):
        return f"{origin}/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company == "ba":
        # Webpack Encore (Symfony): /build/<entry>.<8 hex>.js
        return f"{origin}/build/{bundle}.{stable_hex(8, 'encore', company, bundle, release)}.js"
    if company == "bb":
        # esbuild output collected by Django's ManifestStaticFilesStorage: <name>.<12 hex>.js
        digest = stable_hex(12, "django", company, bundle, release)
        return f"{origin}/static/js/{bundle}.{digest}.js"
    if company == "ka":  # blind94: create-react-app 5, main.<hash>.js, <id>.<hash>.chunk.js
        digest = stable_hex(8, "cra5", company, bundle, release)
        suffix = "js" if bundle == "main" else "chunk.js"
        return f"{origin}/static/js/{bundle}.{digest}.{suffix}"
    if company in ("bp", "jx"):  # jx: blind93
        # Next.js 13's webpack names: lazy chunks <id>.<hash>.js, page chunks
        # pages/<route>-<hash>.js with the dynamic segment's brackets percent-encoded.
        digest = stable_hex(16, "nx", company, bundle, release)
        if bundle.isdigit():
            return f"{origin}/_next/static/chunks/{bundle}.{digest}.js"
        route = bundle.replace("[", "%5B").replace("]", "%5D")
        return f"{origin}/_next/static/chunks/{route}-{digest}.js"
    if company in ("c", "h", "ar", "ay", "dm"):
        digest = stable_hex(16, "nx", company, bundle, release)
        return f"{origin}/_next/static/chunks/{bundle}-{digest}.js"
    if company == "bf":
        # Phoenix's esbuild bundle after ``mix phx.digest``: app-<32 hex>.js
        return f"{origin}/assets/{bundle}-{stable_hex(32, 'phx', company, bundle, release)}.js"
    if company == "bk":
        # Sprockets 4 (Rails 6.1's asset pipeline): <logical name>-<64 hex SHA-256>.js
        digest = stable_hex(64, "sprockets", company, bundle, release)
        return f"{origin}/assets/{bundle}-{digest}.js"
    if company in ("bl", "ey", "iy", "kd"):  # iy: blind85, kd: blind95
        # Angular 17's esbuild application builder: <name>-<8 base32 upper>.js
        # (lazy chunks are all named chunk-<HASH>.js).
        digest = stable_hex(8, "ngesb", company, bundle, release).upper()
        name = "chunk" if bundle.startswith("chunk-") else bundle
        return f"{origin}/{name}-{digest}.js"
    if company == "hy":  # blind76: Astro 4's client build, /_astro/<name>.<8 base64url>.js
        return f"{origin}/_astro/{bundle}.{vite_hash(company, bundle, release)}.js"
    if company == "km":  # blind98: ember-cli's fingerprinting, assets/<name>-<32 hex md5>.js
        return f"{origin}/assets/{bundle}-{stable_hex(32, 'embercli', company, bundle, release)}.js"
    if company in ("kz", "lb"):  # blind103: Vite 5, named chunks /assets/<name>-<hash>.js
        return f"{origin}/assets/{bundle}-{vite_hash(company, bundle, release)}.js"
    if company == "np":  # blind125: webpack 5, [name].[contenthash].js (20 hex), numeric lazy ids
        return f"{origin}/static/js/{bundle}.{stable_hex(20, 'wp5', company, bundle, release)}.js"
    return f"{origin}/assets/chunk-{chunk_hash(company, bundle, release)}.js"


def minified_name(function: str, bundle: str, release: int) -> str:
    """The name a minifier gives a function: one or two letters, a method keeps its owner's
    minified name (``Object.onClick`` -> ``Object.Ke``), anonymous functions stay anonymous."""
    if function in ("", "<anonymous>", "?"):
        return ""
    n = stable_int("min", function, bundle, release)
    name = _IDENT[n % 52] + ("" if n % 3 else _IDENT[(n // 52) % 52])
    owner = function.rpartition(".")[0]
    return f"{owner}.{name}" if owner in ("Object", "HTMLButtonElement") else name


def minified_position(frame: Frame, release: int) -> tuple[int, int]:
    """Line and column of a frame in its minified chunk: a few long lines."""
    n = stable_int("pos", frame.file, frame.function, frame.line, release)
    return 1 + n % 3, 1_000 + (n // 7) % 90_000


def minified_var(expression: str, release: int) -> str:
    """``recipe.nutrition`` as minified code reads: locals renamed, properties kept."""
    head, dot, rest = expression.partition(".")
    if head in ("this", "window", "document"):
        return expression
    short = _IDENT[stable_int("var", head, release) % 26]
    return short + dot + rest


# --- React Native bundles ----------------------------------------------------------------------

RN_BUNDLES = {"android": "index.android.bundle", "ios": "main.jsbundle", "ios-jsc": "main.jsbundle"}


def rn_position(frame: Frame, device: str, release: int) -> tuple[int, int]:
    """Where a frame runs in a release's bundle. Hermes bytecode without debug info: line 1,
    the column a bytecode offset; JavaScriptCore runs Metro's minified bundle, a module a line."""
    if RN_BUNDLES.get(device) and device != "ios-jsc":
        return 1, 40_000 + stable_int(
            "hbc", frame.file, frame.function, frame.line, release
        ) % 2_400_000
    line = 200 + stable_int("metro", frame.file, release) % 3_000
    return line, 1 + stable_int("metrocol", frame.file, frame.function, frame.line, release) % 4_000


def rn_name(function: str, release: int) -> str:
    """A function's name in a release bundle: a method keeps its own name, a function Metro's
    minifier renamed shows the new one, an anonymous one is ``anonymous``."""
    if function in ("", "<anonymous>", "?"):
        return "anonymous"
    if "." in function:
        return function.rsplit(".", 1)[1]
    return minified_name(function, "rn", release) or "anonymous"
