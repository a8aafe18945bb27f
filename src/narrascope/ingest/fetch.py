"""Inputs named by URL: downloaded through a replaceable ``fetch`` function, then read by content.

Tests and embedding applications pass their own ``fetch`` (an HTTP client with retries, a cache,
a fake); the default uses urllib with a timeout and narrascope's User-Agent.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from collections.abc import Callable

from narrascope._version import __version__
from narrascope.config import Config
from narrascope.errors import InputError

__all__ = ["FETCH_TIMEOUT", "USER_AGENT", "Fetch", "fetch_timeout", "fetch_url", "is_url", "try_fetch"]

#: ``fetch(url, timeout_seconds) -> (body, content_type)``; raises OSError (urllib's errors are
#: OSErrors), ValueError or http.client.HTTPException when the download fails.
Fetch = Callable[[str, float], tuple[bytes, str]]

USER_AGENT = f"narrascope/{__version__} (+https://github.com/narrascope/narrascope)"
#: Seconds to wait for a server, unless the configuration sets ``input.fetch_timeout``.
FETCH_TIMEOUT = 20.0
# A download stops here even when the article limit is higher, so a wrong URL cannot fill memory.
_DEFAULT_MAX_BYTES = 100_000_000


def is_url(raw: str) -> bool:
    return raw.startswith(("http://", "https://"))


def fetch_timeout(config: Config) -> float:
    return float(config.data.get("input", {}).get("fetch_timeout", FETCH_TIMEOUT))


def fetch_url(url: str, timeout: float, max_bytes: int = _DEFAULT_MAX_BYTES) -> tuple[bytes, str]:
    """The body (at most ``max_bytes + 1`` bytes, so that the caller sees it is over) and content type."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read(max_bytes + 1)
        return body, str(response.headers.get("Content-Type") or "")


def try_fetch(fetch: Fetch, url: str, timeout: float) -> tuple[bytes, str]:
    """``fetch(url, timeout)``, with a failure turned into E112 naming the URL and the reason."""
    try:
        return fetch(url, timeout)
    except urllib.error.HTTPError as exc:
        raise InputError("E112", url, f"download failed: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError("E112", url, f"download failed: {exc.reason}") from None
    except TimeoutError:
        raise InputError("E112", url, f"download failed: no answer within {timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError("E112", url, f"download failed: {reason or type(exc).__name__}") from None
