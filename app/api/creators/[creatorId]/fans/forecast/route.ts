// GET /api/creators/:creatorId/fans/forecast – expected renewals per day for the next N days (?day= lists that day's fans).
import { forecastQuerySchema } from "@/lib/schemas/fans";
import { apiRoute } from "@/lib/server/api/route";
import { getForecast, getForecastDay } from "@/lib/server/fans/forecast";

export const GET = apiRoute({
  access: "creator",
  permission: "fans:read",
  query: forecastQuerySchema,
  handler: ({ access, query, user }) => (query.day ? getForecastDay(access, { tz: query.tz, day: query.day }, user) : getForecast(access, query)),
});
