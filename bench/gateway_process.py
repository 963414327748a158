"""The fake image gateway in a process of its own, so a benchmark measures only the client side.

    python -m bench.gateway_process --b64-bytes 51200 [--delay 0]

prints ``http://127.0.0.1:<port>/v1`` on one line, then serves until its stdin closes. Every
result is the same noise PNG, sized so its ``b64_json`` is about ``--b64-bytes`` long, and the
spec checks are off: the benchmark is about the client, not the fake.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

if not __package__:  # run as a file: import this checkout's packages, never installed copies
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from tests.fakes.image_gateway import FakeImageGateway, make_png

API_KEY = "sk-bench-key"


def png_for_b64_size(b64_bytes: int) -> bytes:
    """An incompressible PNG whose base64 is about ``b64_bytes`` long (within a few %)."""
    side = max(math.isqrt(b64_bytes * 3 // 4 // 3), 1)
    return make_png(side, side, seed=1, noise=True)


@contextlib.contextmanager
def gateway_process(b64_bytes: int, delay: float = 0.0) -> Iterator[str]:
    """Start the gateway process; yield its base URL; stop it (closing its stdin) on exit."""
    # By its file, not -m: the child then finds this checkout from any folder, with any install.
    command = [sys.executable, __file__, f"--b64-bytes={b64_bytes}"]
    with subprocess.Popen(
        [*command, f"--delay={delay}"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        assert process.stdin is not None
        try:
            yield process.stdout.readline().strip()
        finally:
            process.stdin.close()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


async def _serve(b64_bytes: int, delay: float) -> None:
    image = png_for_b64_size(b64_bytes)
    async with FakeImageGateway(API_KEY, image=image, validate=False, delay=delay) as gateway:
        print(gateway.base_url, flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--b64-bytes", type=int, required=True)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    asyncio.run(_serve(args.b64_bytes, args.delay))


if __name__ == "__main__":
    main()
