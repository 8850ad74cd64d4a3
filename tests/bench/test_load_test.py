"""bench/load_test.py: Locust's CSV read into the summary table, and the verdict against the goals."""

from bench import load_test

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,"
    "Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%"
)


def test_the_summary_keeps_every_page_and_names_the_aggregate(tmp_path):
    prefix = tmp_path / "load-x"
    (tmp_path / "load-x_stats.csv").write_text(
        "\n".join(
            [
                HEADER,
                "GET,topic,398,0,62,70.1,20.2,380.5,65238.0,2.2298,0.0,62,70,80,90,110,140,200,390,400,400,400",
                "GET,dossier,268,2,700,741.4,400.6,5698.2,23745.7,1.5015,0.0,700,800,900,950,1200,1500,1900,2700,5700,5700,5700",
                ",Aggregated,666,2,90,300.0,20.2,5698.2,50000.0,3.7313,0.0,90,100,120,130,700,1200,1500,2000,5700,5700,5700",
            ]
        )
    )

    rows = load_test.summary(prefix)

    assert [(r["page"], r["requests"], r["errors"], r["p50"], r["p95"], r["p99"]) for r in rows] == [
        ("topic", 398, 0, 62.0, 140.0, 390.0),
        ("dossier", 268, 2, 700.0, 1500.0, 2700.0),
        ("all requests", 666, 2, 90.0, 1200.0, 2000.0),
    ]
    lines = load_test.table(rows).splitlines()
    assert lines[2] == "| topic | 398 | 2.2 | 62 | 140 | 390 | 380 | 0 | ok |"
    assert lines[3] == "| dossier | 268 | 1.5 | 700 | 1500 | 2700 | 5698 | 2 | MISS |"
    assert lines[4].endswith("| 2 | MISS |")
