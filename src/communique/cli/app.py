"""The Typer application every command module registers on."""
import typer

app = typer.Typer(
    help="communique: dated news articles in, PLOVER/CAMEO political event data out.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
