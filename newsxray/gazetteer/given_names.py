"""Common given names across the languages of international news.

Used only to recognise a person the model typed as an organisation or place when the
name starts with one of these ("Kirsty Rosse-Emile" ORG -> PERSON). Names that are also
common words or places (May, Georgia, Victoria, Paris) are left out.
"""
from __future__ import annotations

_NAMES = """
Aaron Abdul Abdullah Abu Adam Adrian Ahmad Ahmed Aidan Alan Albert Alberto Alejandro Aleksandr
Alex Alexander Alexandre Alexei Alexey Alfred Ali Alice Alicia Alison Amanda Amir Amy Ana Anders
Andrea Andreas Andrei Andrew Andrzej Angela Angelo Anita Ann Anna Anne Annie Anthony Antoine
Anton Antonio Arnold Arthur Ashley Ayesha Barbara Barry Bashar Beatriz Ben Benjamin Bernard
Bernd Betty Bill Bob Boris Brandon Brett Brian Bruce Bruno Carl Carla Carlo Carlos Carmen
Caroline Catherine Cecilia Charles Charlie Chris Christian Christina Christine Christopher Claire
Claudia Colin Craig Cristina Daniel Daniela Danny Dario David Dean Deborah Denis Dennis Diana
Diego Dmitri Dmitry Dominic Donald Doug Douglas Edward Elena Elizabeth Ellen Emily Emma Emmanuel
Enrique Eric Erik Ernesto Eva Evan Fabio Fatima Felipe Felix Fernando Francesca Francesco
Francisco Franco Frank Franz Fred Frederick Gabriel Gareth Gary Geoffrey George Gerald Gerhard
Giovanni Giuseppe Gordon Graham Greg Gregory Guido Gustavo Hamid Hannah Hans Harold Harry Hassan
Heather Heinz Helen Helmut Henri Henrik Henry Hiroshi Hugo Hussein Ian Ibrahim Igor Ilya Irina
Isaac Ivan Jack Jacob Jacques James Jan Jane Janet Jason Javier Jean Jeff Jeffrey Jennifer Jens
Jeremy Jessica Jim Joan Joanna Joe Johan Johannes John Jonathan Jorge Jose José Joseph Josh
Joshua Juan Judith Julia Julian Julie Jun Jurgen Jürgen Karen Karim Karl Kate Katherine Kathleen
Katie Keith Kelly Ken Kenneth Kevin Khalid Kim Kirsty Klaus Kofi Kristina Kumar Lars Laura
Laurent Lawrence Lee Leon Leonid Li Linda Lisa Louis Louise Luca Lucas Luis Luke Lynn Magdalena
Mahmoud Manuel Marc Marco Marcus Margaret Maria Marie Mario Mark Marta Martin Mary Mateusz
Matthew Max Maxim Mehmet Michael Michel Michelle Miguel Mike Mikhail Mohamed Mohammad Mohammed
Muhammad Mustafa Nadia Nancy Natalia Natalie Nathan Neil Nicholas Nick Nicola Nicolas Nikolai
Nina Noah Oleg Oliver Olga Omar Oscar Pablo Pamela Paolo Patricia Patrick Paul Paula Pavel
Pedro Peter Petr Philip Philippe Pierre Piotr Rachel Rafael Rahul Ralph Ramon Raymond Rebecca
Ricardo Richard Rick Robert Roberto Robin Roger Roman Ronald Rosa Ruben Russell Ryan Saeed
Said Salim Sally Sam Samantha Samir Samuel Sandra Sarah Scott Sean Sebastian Sergei Sergey
Sergio Shane Sharon Simon Sofia Sophie Stefan Stephanie Stephen Steve Steven Stuart Susan
Sven Tanya Tatiana Teresa Thomas Tim Timothy Tom Tomas Tony Tracy Valentina Valery Vanessa
Vasily Victor Viktor Vincent Vladimir Walter Wang Wei Werner William Wolfgang Xavier Yasmin
Yuri Yusuf Zhang Zoe
"""

GIVEN_NAMES: frozenset[str] = frozenset(_NAMES.split())
