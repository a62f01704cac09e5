module github.com/sourcegraph/run

go 1.18
