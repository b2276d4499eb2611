"""Figure charts outside the console: the chart data for chat (`chat`) and a dependency-free PNG drawing (`png`)."""
