import { fanForecast } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { getForecast, getForecastDay } from "@/lib/server/fans/forecast";

export const GET = apiRoute(fanForecast, {
  handler: ({ access, query, user }) =>
    query.day ? getForecastDay(access, { tz: query.tz, day: query.day }, user) : getForecast(access, query),
});
