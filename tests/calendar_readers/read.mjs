// Reads an iCalendar file on stdin with ical.js; prints {method, events: [{uid, start,
// sequence, summary}]} as JSON, `start` in UTC (ISO 8601). Used by tests/calendar_readers.
import ICAL from "ical.js";

let text = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) text += chunk;

const calendar = new ICAL.Component(ICAL.parse(text));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}
const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
  const event = new ICAL.Event(vevent);
  const start = event.startDate.convertToZone(ICAL.Timezone.utcTimezone);
  return {
    uid: event.uid,
    start: start.toJSDate().toISOString(),
    sequence: event.sequence,
    summary: event.summary,
  };
});
process.stdout.write(
  JSON.stringify({ method: calendar.getFirstPropertyValue("method"), events }),
);
