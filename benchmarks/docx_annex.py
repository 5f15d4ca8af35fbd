"""The Word annex of a large ranking: seconds to write the table, and the ratio of 4× the rows to the rows
(2 cores; 1.0 × 4 = 4 is linear; python-docx's `table.cell(r, c)` made it quadratic before: 300 rows took 176 s).

    python benchmarks/docx_annex.py [--rows 1000]
"""

from __future__ import annotations

import argparse
import time

from par_cli.writers import docx_layout as docx


def seconds(rows: int) -> float:
    document = docx._document(landscape=True)
    table = [[str(i), f"Xã {i}", "100,00", "71,68", "17,87", "89,54", "89,54", str(i), "Tốt"] for i in range(rows)]
    start = time.perf_counter()
    docx._table(document, ["STT"] * 9, table, "clrrrrrcl", [13, 60, 18, 18, 18, 18, 18, 15, 24])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1000)
    rows = parser.parse_args().rows
    small, large = seconds(rows), seconds(4 * rows)
    print(f"{rows} rows {small:.2f} s, {4 * rows} rows {large:.2f} s, ratio {large / small:.2f} (linear: 4)")


if __name__ == "__main__":
    main()
