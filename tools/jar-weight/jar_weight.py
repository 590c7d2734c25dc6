#!/usr/bin/env python3
"""How much of a shaded jar each dependency is: the compressed bytes of the entries each class-path jar brought.

Usage: jar_weight.py <shaded jar> <class path file> [top N]
The class path file is Maven's (mvn dependency:build-classpath -Dmdep.outputFile=...). Entries no dependency holds
(Glaux's own modules unless listed, merged service files) are counted as "Glaux and merged files".
"""
import collections
import re
import sys
import zipfile


def artifact(path):
    match = re.search(r"repository/(.+)/([^/]+)/([^/]+)/[^/]+\.jar$", path)
    return match.group(1).replace("/", ".") + ":" + match.group(2) if match else path


def main(jar, classpath_file, top=20):
    owner = {}
    for path in open(classpath_file).read().strip().split(":"):
        if path.endswith(".jar"):
            with zipfile.ZipFile(path) as dependency:
                for name in dependency.namelist():
                    owner.setdefault(name, artifact(path))
    weight = collections.Counter()
    with zipfile.ZipFile(jar) as shaded:
        for entry in shaded.infolist():
            weight[owner.get(entry.filename, "Glaux and merged files")] += entry.compress_size
    total = sum(weight.values())
    print("| dependency | MB | share |")
    print("|---|---:|---:|")
    for name, size in weight.most_common(int(top)):
        print(f"| {name} | {size / 1e6:.1f} | {100 * size / total:.0f}% |")
    rest = total - sum(size for _, size in weight.most_common(int(top)))
    print(f"| {len(weight) - int(top)} others | {rest / 1e6:.1f} | {100 * rest / total:.0f}% |")


if __name__ == "__main__":
    main(*sys.argv[1:])
