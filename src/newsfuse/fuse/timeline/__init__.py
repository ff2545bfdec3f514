"""The timeline: the dated happenings of the reports, compared, merged and described as one entry each."""
