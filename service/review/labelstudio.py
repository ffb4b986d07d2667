"""Label Studio: tasks with the run's facts as predictions, the labelling config, and the import.

Each fact is a FACT region over its evidence, with its fields as per-region controls (a
choice for `flow`, one text box per other field) and relations from the region to the
entity spans that state its fields (labelled with the field's name). The boxes are what
the import reads: correct a field by editing its box, add a fact by drawing a FACT region
and filling its boxes, remove one by deleting its region. The relations are there to see
why a field has its value.
"""
import json
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .facts import (ENTITY_LABELS, FACT_FIELDS, FACT_LABEL, FLOWS, Article, ReviewError, check_fact,
                    fact_span, gold_fact, links)

COLOURS = {"FACT": "#fde68a", "PROVINCE": "#7aecec", "COUNTRY": "#bfeeb7", "SECTOR": "#feca74",
           "PRODUCT": "#e4e7d2", "MONEY": "#e4e7d2", "PERCENT": "#c887fb", "DATE": "#bfe1d9",
           "QUANTITY": "#ddd"}
TEXT_FIELDS = tuple(f for f in FACT_FIELDS if f != "flow")


def label_config() -> str:
    """The labelling config the tasks are written for (Label Studio's XML)."""
    labels = "\n".join(f"    <Label value={quoteattr(v)} background={quoteattr(COLOURS[v])}/>"
                       for v in (FACT_LABEL,) + ENTITY_LABELS)
    relations = "\n".join(f"    <Relation value={quoteattr(f)}/>" for f in FACT_FIELDS if f != "flow")
    flows = "\n".join(f"      <Choice value={quoteattr(f)}/>" for f in FLOWS)
    boxes = "\n".join(f"    <TextArea name={quoteattr(f)} toName=\"text\" perRegion=\"true\" "
                      f"maxSubmissions=\"1\" editable=\"true\" placeholder={quoteattr(f)}/>"
                      for f in TEXT_FIELDS)
    return f"""<View>
  <Header value="Facts of the article: select a FACT region to see and correct its fields"/>
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <Relations>
{relations}
  </Relations>
  <Text name="text" value="$text" granularity="word"/>
  <View visibleWhen="region-selected" whenLabelValue="{FACT_LABEL}">
    <Choices name="flow" toName="text" perRegion="true" choice="single" required="true">
{flows}
    </Choices>
{boxes}
  </View>
</View>
"""


def _region(rid: str, start: int, end: int, text: str, label: str) -> dict:
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}


def _show(v) -> str:
    return repr(v) if isinstance(v, float) and not v.is_integer() else str(int(v) if isinstance(v, float) else v)


def task(n: int, article: Article) -> dict:
    """The Label Studio task of one article: its text and the run's facts as a prediction."""
    text = article.text
    result = [_region(f"e{i}", e["start"], e["end"], text, e["label"])
              for i, e in enumerate(article.entities) if e["label"] in ENTITY_LABELS]
    for k, fact in enumerate(article.facts):
        rid = f"f{k}"
        start, end = fact_span(fact, text)
        result.append(_region(rid, start, end, text, FACT_LABEL))
        where = {"start": start, "end": end, "text": text[start:end]}
        result.append({"id": rid, "from_name": "flow", "to_name": "text", "type": "choices",
                       "value": {**where, "choices": [fact["flow"]]}})
        for fld in TEXT_FIELDS:
            if fact.get(fld) is not None:
                result.append({"id": rid, "from_name": fld, "to_name": "text", "type": "textarea",
                               "value": {**where, "text": [_show(fact[fld])]}})
        for i, fld in links(fact, article.entities):
            result.append({"type": "relation", "from_id": rid, "to_id": f"e{i}", "direction": "right",
                           "labels": [fld]})
    data = {"text": text, "doc_id": article.id, "date": article.date, **article.extras}
    return {"id": n, "data": data, "predictions": [{"model_version": "export-facts", "result": result}]}


def export(articles, out: Path) -> tuple[int, Path]:
    """Write the tasks (one JSON array) to `out` and the config beside it; (tasks, config path)."""
    tasks = [task(n, a) for n, a in enumerate(articles, 1)]
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    config = out.with_name(out.stem + ".label_config.xml")
    config.write_text(label_config(), encoding="utf-8")
    return len(tasks), config


def _chosen(t: dict) -> list:
    """The result to import: the newest annotation not skipped, else the prediction."""
    done = [a for a in t.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    if done:
        return done[-1].get("result")
    preds = t.get("predictions") or []
    return preds[-1].get("result") if preds and isinstance(preds[-1], dict) else []


def gold(t, n: int, sectors: frozenset[str]) -> dict:
    """The gold article of one (corrected) task; E152/E153 naming the task when it cannot be read."""
    if not isinstance(t, dict) or not isinstance(t.get("data"), dict):
        raise ReviewError(f"E152 task {n} is not a Label Studio task with `data`: export it again "
                          "from Label Studio as JSON")
    data = t["data"]
    name = f"task {n} (id {data.get('doc_id')!r})"
    text = data.get("text")
    if not isinstance(text, str) or not isinstance(data.get("doc_id"), str):
        raise ReviewError(f"E152 {name} has no `data.text` or `data.doc_id`: keep the fields the export wrote")
    result = _chosen(t)
    if not isinstance(result, list):
        raise ReviewError(f"E152 {name}: its `result` is not a list of regions")
    regions, fields = {}, {}
    for r in result:
        if not isinstance(r, dict) or r.get("type") == "relation":
            continue
        v = r.get("value")
        if not isinstance(v, dict):
            raise ReviewError(f"E152 {name}: region {r.get('id')!r} has no `value`")
        if r.get("type") == "labels" and FACT_LABEL in (v.get("labels") or []):
            regions[r.get("id")] = v
        elif r.get("type") == "choices":
            fields.setdefault(r.get("id"), {})[r.get("from_name")] = (v.get("choices") or [None])[0]
        elif r.get("type") == "textarea":
            texts = v.get("text") or []
            fields.setdefault(r.get("id"), {})[r.get("from_name")] = texts[-1] if texts else None
    facts = []
    for k, (rid, v) in enumerate(regions.items()):
        start, end = v.get("start"), v.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
            raise ReviewError(f"E152 {name}: FACT region {rid!r} has offsets {start!r}..{end!r} "
                              "outside the text")
        fact = check_fact(fields.get(rid, {}), f"{name}, FACT region {rid!r}", sectors)
        facts.append(gold_fact(fact, text, start, end))
    extras = {k: v for k, v in data.items() if k not in ("text", "doc_id", "date")}
    return {"id": data["doc_id"], "date": data.get("date"), "text": text, "facts": facts, **extras}


def read_tasks(path: Path) -> list:
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReviewError(f"E152 {path} is not a Label Studio JSON export ({exc}): export the project "
                          "as JSON") from None
    if not isinstance(tasks, list):
        raise ReviewError(f"E152 {path} is not a JSON array of tasks: export the project as JSON")
    return tasks
